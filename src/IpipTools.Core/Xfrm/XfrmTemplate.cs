using System.Buffers.Binary;
using System.Net;
using IpipTools.Core.Rtnl;

namespace IpipTools.Core.Xfrm;

/// <summary>
/// struct xfrm_user_tmpl (64 bytes): one transformation a policy requires, which the kernel
/// satisfies with a state of the same endpoints, protocol, mode and reqid (any SPI unless
/// one is given). In tunnel mode the endpoints are the outer addresses; in transport mode
/// they may be left out.
/// </summary>
public sealed record XfrmTemplate
{
    public const int Size = 64;

    /// <summary>Tunnel source; null in transport mode (any).</summary>
    public IPAddress? Source { get; init; }

    /// <summary>Tunnel destination; null in transport mode (any).</summary>
    public IPAddress? Destination { get; init; }

    public XfrmProtocol Protocol { get; init; } = XfrmProtocol.Esp;

    public XfrmMode Mode { get; init; } = XfrmMode.Transport;

    /// <summary>The state's reqid this template asks for; 0 matches any.</summary>
    public uint ReqId { get; init; }

    /// <summary>A particular SPI; 0 (the usual) matches any.</summary>
    public uint Spi { get; init; }

    /// <summary>Whether traffic without this transformation is accepted too (ip's "level use").</summary>
    public bool Optional { get; init; }

    /// <summary>The family of the endpoints; <paramref name="fallback"/> when there are none.</summary>
    internal byte FamilyOr(byte fallback) =>
        Destination is not null ? AddressFamilies.Of(Destination) : Source is not null ? AddressFamilies.Of(Source) : fallback;

    internal void Write(Span<byte> destination, byte fallbackFamily)
    {
        destination[..Size].Clear();
        XfrmAddress.Write(destination, Destination);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], Spi);
        destination[20] = (byte)Protocol;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[24..], FamilyOr(fallbackFamily));
        XfrmAddress.Write(destination[28..], Source);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[44..], ReqId);
        destination[48] = (byte)Mode;
        destination[50] = Optional ? (byte)1 : (byte)0;

        // Any algorithm (as ip xfrm sends): the state found decides.
        BinaryPrimitives.WriteUInt32LittleEndian(destination[52..], uint.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[56..], uint.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[60..], uint.MaxValue);
    }

    internal static XfrmTemplate Read(ReadOnlySpan<byte> source)
    {
        var family = BinaryPrimitives.ReadUInt16LittleEndian(source[24..]);
        IPAddress? Address(ReadOnlySpan<byte> bytes) =>
            bytes[..XfrmAddress.Size].IndexOfAnyExcept((byte)0) < 0 ? null : XfrmAddress.Read(bytes, family);
        return new XfrmTemplate
        {
            Destination = Address(source),
            Spi = BinaryPrimitives.ReadUInt32BigEndian(source[16..]),
            Protocol = (XfrmProtocol)source[20],
            Source = Address(source[28..]),
            ReqId = BinaryPrimitives.ReadUInt32LittleEndian(source[44..]),
            Mode = (XfrmMode)source[48],
            Optional = source[50] != 0,
        };
    }

    /// <summary>In ip xfrm's words: "esp tunnel 10.0.0.1 -> 10.0.0.2 reqid 1".</summary>
    public override string ToString()
    {
        var text = $"{Protocol.ToString().ToLowerInvariant()} {Mode.ToString().ToLowerInvariant()}";
        if (Source is not null || Destination is not null)
        {
            text += $" {Source?.ToString() ?? "any"} -> {Destination?.ToString() ?? "any"}";
        }

        if (ReqId != 0)
        {
            text += $" reqid {ReqId}";
        }

        if (Spi != 0)
        {
            text += $" spi 0x{Spi:x8}";
        }

        return Optional ? text + " optional" : text;
    }
}
