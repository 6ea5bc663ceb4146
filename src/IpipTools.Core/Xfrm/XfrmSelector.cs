using System.Buffers.Binary;
using System.Net;
using IpipTools.Core.Rtnl;

namespace IpipTools.Core.Xfrm;

/// <summary>
/// struct xfrm_selector (56 bytes): the traffic a policy (or a state) applies to, by source
/// and destination prefix, upper-layer protocol and ports. Ports are matched only when given
/// (the mask is then all ones). <see cref="None"/> is the empty selector a state leaves to
/// the kernel (family 0: it takes the state's own).
/// </summary>
public sealed record XfrmSelector(IPNetwork Source, IPNetwork Destination)
{
    public const int Size = 56;

    public static XfrmSelector None { get; } = new(default(IPNetwork), default(IPNetwork)) { Family = AddressFamilies.Unspecified };

    /// <summary>Everything of one family: 0.0.0.0/0 or ::/0 both ways.</summary>
    public static XfrmSelector Any(byte family)
    {
        var any = new IPNetwork(XfrmAddress.Any(family), 0);
        return new XfrmSelector(any, any) { Family = family };
    }

    private readonly byte? _family;

    /// <summary>AF_INET or AF_INET6 (0 only for <see cref="None"/>); by default the family of <see cref="Source"/>.</summary>
    public byte Family
    {
        get => _family ?? (Source.BaseAddress is { } address ? AddressFamilies.Of(address) : AddressFamilies.Unspecified);
        init => _family = value;
    }

    public XfrmUpperProtocol Protocol { get; init; }

    public ushort? SourcePort { get; init; }

    public ushort? DestinationPort { get; init; }

    internal void Write(Span<byte> destination)
    {
        destination[..Size].Clear();
        if (Family == AddressFamilies.Unspecified)
        {
            return;
        }

        XfrmAddress.Write(destination, Destination.BaseAddress);
        XfrmAddress.Write(destination[16..], Source.BaseAddress);
        BinaryPrimitives.WriteUInt16BigEndian(destination[32..], DestinationPort ?? 0);
        BinaryPrimitives.WriteUInt16BigEndian(destination[34..], DestinationPort is null ? (ushort)0 : ushort.MaxValue);
        BinaryPrimitives.WriteUInt16BigEndian(destination[36..], SourcePort ?? 0);
        BinaryPrimitives.WriteUInt16BigEndian(destination[38..], SourcePort is null ? (ushort)0 : ushort.MaxValue);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[40..], Family);
        destination[42] = (byte)Destination.PrefixLength;
        destination[43] = (byte)Source.PrefixLength;
        destination[44] = (byte)Protocol;
    }

    internal static XfrmSelector Read(ReadOnlySpan<byte> source)
    {
        var family = BinaryPrimitives.ReadUInt16LittleEndian(source[40..]);
        if (family != AddressFamilies.Inet && family != AddressFamilies.Inet6)
        {
            return None;
        }

        var destinationPortMask = BinaryPrimitives.ReadUInt16BigEndian(source[34..]);
        var sourcePortMask = BinaryPrimitives.ReadUInt16BigEndian(source[38..]);
        return new XfrmSelector(
            new IPNetwork(XfrmAddress.Read(source[16..], family), source[43]),
            new IPNetwork(XfrmAddress.Read(source, family), source[42]))
        {
            Family = (byte)family,
            Protocol = (XfrmUpperProtocol)source[44],
            DestinationPort = destinationPortMask == 0 ? null : BinaryPrimitives.ReadUInt16BigEndian(source[32..]),
            SourcePort = sourcePortMask == 0 ? null : BinaryPrimitives.ReadUInt16BigEndian(source[36..]),
        };
    }

    /// <summary>In ip xfrm's words: "src 10.0.0.0/24 dst 10.1.0.0/24 proto tcp dport 443".</summary>
    public override string ToString()
    {
        if (Family == AddressFamilies.Unspecified)
        {
            return "any";
        }

        var text = $"src {Source} dst {Destination}";
        if (Protocol != XfrmUpperProtocol.Any)
        {
            text += $" proto {Protocol.ToString().ToLowerInvariant()}";
        }

        if (SourcePort is { } sport)
        {
            text += $" sport {sport}";
        }

        if (DestinationPort is { } dport)
        {
            text += $" dport {dport}";
        }

        return text;
    }
}
