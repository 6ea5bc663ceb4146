using System.Buffers.Binary;
using System.Net;

namespace IpipTools.TestSupport;

/// <summary>
/// The fields of an IPv4 header a tunnel test looks at, and the packet inside when the
/// datagram is itself IP in IP (protocol 4): outer and inner layer of an ipip packet.
/// </summary>
public sealed record Ipv4Packet(IPAddress Source, IPAddress Destination, byte Protocol, bool DontFragment, byte[] Payload)
{
    public const byte ProtocolIcmp = 1;
    public const byte ProtocolIpip = 4;
    public const byte ProtocolGre = 47;

    private const byte IcmpEchoReply = 0;
    private const byte IcmpEchoRequest = 8;

    /// <summary>The encapsulated datagram of an ipip packet; null for any other protocol.</summary>
    public Ipv4Packet? Inner => Protocol == ProtocolIpip && Payload.Length >= 20 ? Parse(Payload) : null;

    public bool IsEchoRequest => Protocol == ProtocolIcmp && Payload.Length > 0 && Payload[0] == IcmpEchoRequest;

    public bool IsEchoReply => Protocol == ProtocolIcmp && Payload.Length > 0 && Payload[0] == IcmpEchoReply;

    public static Ipv4Packet Parse(byte[] bytes)
    {
        if (bytes.Length < 20 || bytes[0] >> 4 != 4)
        {
            throw new InvalidDataException($"not an IPv4 header ({bytes.Length} bytes, version {(bytes.Length > 0 ? bytes[0] >> 4 : 0)})");
        }

        var headerLength = (bytes[0] & 0x0f) * 4;
        var totalLength = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(2)), bytes.Length);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(6));
        return new Ipv4Packet(
            new IPAddress(bytes.AsSpan(12, 4)),
            new IPAddress(bytes.AsSpan(16, 4)),
            bytes[9],
            (flags & 0x4000) != 0,
            bytes[headerLength..totalLength]);
    }

    /// <summary>Like tcpdump's line: "192.168.6.101 > 192.168.8.101: proto 4 (172.56.1.101 > 172.56.2.101: proto 1)".</summary>
    public override string ToString() =>
        $"{Source} > {Destination}: proto {Protocol}" + (Inner is { } inner ? $" ({inner})" : string.Empty);
}
