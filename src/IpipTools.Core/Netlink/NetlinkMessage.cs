using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IpipTools.Core.Netlink;

/// <summary>One received message: its header and the bytes after the header.</summary>
public readonly struct NetlinkMessage
{
    public NetlinkMessage(NetlinkMessageHeader header, ReadOnlyMemory<byte> payload)
    {
        Header = header;
        Payload = payload;
    }

    public NetlinkMessageHeader Header { get; }

    public ushort Type => Header.Type;

    public NetlinkFlags Flags => Header.Flags;

    public uint Sequence => Header.Sequence;

    /// <summary>Everything after the 16-byte nlmsghdr.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Splits a datagram into messages, checking every length against the buffer.</summary>
    public static List<NetlinkMessage> ParseAll(ReadOnlyMemory<byte> datagram)
    {
        var messages = new List<NetlinkMessage>();
        var reader = new Enumerator(datagram);
        while (reader.MoveNext())
        {
            messages.Add(reader.Current);
        }

        return messages;
    }

    /// <summary>Allocation-free walk over the messages in a datagram.</summary>
    public struct Enumerator
    {
        private readonly ReadOnlyMemory<byte> _datagram;
        private int _offset;

        public Enumerator(ReadOnlyMemory<byte> datagram)
        {
            _datagram = datagram;
            _offset = 0;
            Current = default;
        }

        public NetlinkMessage Current { get; private set; }

        public bool MoveNext()
        {
            var remaining = _datagram.Length - _offset;
            if (remaining <= 0)
            {
                return false;
            }

            if (remaining < NetlinkMessageHeader.Size)
            {
                throw new NetlinkProtocolException($"{remaining} bytes after the last message are too few for a header");
            }

            var header = MemoryMarshal.Read<NetlinkMessageHeader>(_datagram.Span[_offset..]);
            if (header.Length < NetlinkMessageHeader.Size || header.Length > remaining)
            {
                throw new NetlinkProtocolException(
                    $"message at offset {_offset} declares length {header.Length}, but {remaining} bytes remain");
            }

            var length = (int)header.Length;
            Current = new NetlinkMessage(header, _datagram.Slice(_offset + NetlinkMessageHeader.Size, length - NetlinkMessageHeader.Size));
            _offset += Math.Min(NetlinkAlignment.Align(length), remaining);
            return true;
        }
    }

    /// <summary>Reads the fixed header (ifinfomsg, rtmsg, ...) that starts the payload.</summary>
    public T ReadFixedHeader<T>()
        where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        if (Payload.Length < size)
        {
            throw new NetlinkProtocolException($"message type {Type} has {Payload.Length} payload bytes, fewer than its {size}-byte header");
        }

        return MemoryMarshal.Read<T>(Payload.Span);
    }

    /// <summary>The attributes after a fixed header of <paramref name="fixedHeaderSize"/> bytes.</summary>
    public AttributeList ReadAttributes(int fixedHeaderSize) => AttributeList.Parse(AttributesAfter(fixedHeaderSize));

    /// <summary>The same attributes walked without allocating (see <see cref="AttributeEnumerator"/>).</summary>
    public AttributeEnumerator EnumerateAttributes(int fixedHeaderSize) => new(AttributesAfter(fixedHeaderSize));

    private ReadOnlyMemory<byte> AttributesAfter(int fixedHeaderSize)
    {
        var start = NetlinkAlignment.Align(fixedHeaderSize);
        if (Payload.Length < start)
        {
            throw new NetlinkProtocolException($"message type {Type} is shorter than its {fixedHeaderSize}-byte header");
        }

        return Payload[start..];
    }
}
