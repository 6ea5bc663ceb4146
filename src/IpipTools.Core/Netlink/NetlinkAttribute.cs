using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace IpipTools.Core.Netlink;

/// <summary>
/// One attribute (<c>struct nlattr</c> header plus payload) as it sits in a received
/// message. The payload is a slice of the message's bytes: nothing is copied until a
/// typed reader asks for a value. Readers check the payload length and throw
/// <see cref="NetlinkProtocolException"/> rather than read past it.
/// </summary>
public readonly struct NetlinkAttribute
{
    public const int HeaderSize = 4;

    /// <summary>NLA_F_NESTED: the payload is itself a list of attributes.</summary>
    public const ushort NestedFlag = 0x8000;

    /// <summary>NLA_F_NET_BYTEORDER: the payload is in network byte order.</summary>
    public const ushort NetworkByteOrderFlag = 0x4000;

    public NetlinkAttribute(ushort rawType, ReadOnlyMemory<byte> payload)
    {
        RawType = rawType;
        Payload = payload;
    }

    /// <summary>nla_type exactly as on the wire, flags included, so emitting it round-trips.</summary>
    public ushort RawType { get; }

    /// <summary>The attribute type without the NESTED and NET_BYTEORDER flags.</summary>
    public ushort Type => (ushort)(RawType & ~(NestedFlag | NetworkByteOrderFlag));

    public ReadOnlyMemory<byte> Payload { get; }

    public byte AsByte() => Fixed(1)[0];

    public ushort AsUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Fixed(2));

    public ushort AsUInt16BigEndian() => BinaryPrimitives.ReadUInt16BigEndian(Fixed(2));

    public uint AsUInt32BigEndian() => BinaryPrimitives.ReadUInt32BigEndian(Fixed(4));

    public uint AsUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Fixed(4));

    public int AsInt32() => BinaryPrimitives.ReadInt32LittleEndian(Fixed(4));

    /// <summary>A NUL-terminated string (NLA_NUL_STRING) or a plain one (NLA_STRING).</summary>
    public string AsString()
    {
        var span = Payload.Span;
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end >= 0 ? span[..end] : span);
    }

    /// <summary>An IPv4 (4 bytes) or IPv6 (16 bytes) address.</summary>
    public IPAddress AsAddress()
    {
        var span = Payload.Span;
        if (span.Length != 4 && span.Length != 16)
        {
            throw new NetlinkProtocolException($"attribute {Type} should hold a 4- or 16-byte address but has {span.Length} bytes");
        }

        return new IPAddress(span);
    }

    /// <summary>The attributes nested inside this one.</summary>
    public AttributeList AsNested() => AttributeList.Parse(Payload);

    private ReadOnlySpan<byte> Fixed(int size)
    {
        var span = Payload.Span;
        if (span.Length < size)
        {
            throw new NetlinkProtocolException($"attribute {Type} has {span.Length} bytes where {size} were expected");
        }

        return span[..size];
    }

    public override string ToString() => $"nlattr(type={Type}, len={Payload.Length})";
}
