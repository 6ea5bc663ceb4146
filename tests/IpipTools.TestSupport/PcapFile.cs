using System.Buffers.Binary;

namespace IpipTools.TestSupport;

/// <summary>
/// A capture file as tcpdump writes it (classic pcap), read byte by byte so that a test
/// asserts on header fields, not on tcpdump's text, which changes between versions.
/// Only what the tests need: the link type and each packet's IPv4 datagram.
/// </summary>
public sealed class PcapFile
{
    /// <summary>LINKTYPE_ETHERNET: what a veth or bridge port captures.</summary>
    public const int LinkTypeEthernet = 1;

    /// <summary>LINKTYPE_RAW: what an ipip/gre/sit device captures (tcpdump says "link-type RAW").</summary>
    public const int LinkTypeRaw = 101;

    /// <summary>LINKTYPE_LINUX_SLL: what "-i any" captures.</summary>
    public const int LinkTypeLinuxCooked = 113;

    private const ushort EtherTypeIpv4 = 0x0800;

    private PcapFile(int linkType, IReadOnlyList<byte[]> frames)
    {
        LinkType = linkType;
        Frames = frames;
    }

    public int LinkType { get; }

    /// <summary>Every captured frame as it was on the wire of the capturing device.</summary>
    public IReadOnlyList<byte[]> Frames { get; }

    /// <summary>The IPv4 datagrams among the frames (anything else, such as ARP, is skipped).</summary>
    public IReadOnlyList<Ipv4Packet> Ipv4Packets =>
        Frames.Select(NetworkLayer).Where(p => p is not null).Select(p => Ipv4Packet.Parse(p!)).ToList();

    public static PcapFile Read(string path) => Parse(File.ReadAllBytes(path));

    public static PcapFile Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 24)
        {
            throw new InvalidDataException($"a pcap file needs a 24-byte header; this one has {bytes.Length} bytes");
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        if (magic is not (0xa1b2c3d4 or 0xa1b23c4d))
        {
            throw new InvalidDataException($"not a little-endian pcap file (magic 0x{magic:x8})");
        }

        var linkType = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[20..]);
        var frames = new List<byte[]>();
        var offset = 24;
        while (offset + 16 <= bytes.Length)
        {
            var captured = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(offset + 8)..]);
            offset += 16;
            if (offset + captured > bytes.Length)
            {
                break; // the capture was stopped in the middle of a record
            }

            frames.Add(bytes.Slice(offset, captured).ToArray());
            offset += captured;
        }

        return new PcapFile(linkType, frames);
    }

    /// <summary>The bytes from the IPv4 header on, or null when the frame carries no IPv4.</summary>
    private byte[]? NetworkLayer(byte[] frame)
    {
        var (headerLength, etherTypeAt) = LinkType switch
        {
            LinkTypeRaw => (0, -1),
            LinkTypeEthernet => (14, 12),
            LinkTypeLinuxCooked => (16, 14),
            _ => throw new InvalidDataException($"link type {LinkType} is not one the tests decode"),
        };
        if (frame.Length <= headerLength)
        {
            return null;
        }

        if (etherTypeAt >= 0 && BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(etherTypeAt)) != EtherTypeIpv4)
        {
            return null;
        }

        var packet = frame[headerLength..];
        return packet[0] >> 4 == 4 ? packet : null;
    }
}
