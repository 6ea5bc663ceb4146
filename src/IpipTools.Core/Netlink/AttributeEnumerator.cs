using System.Buffers.Binary;

namespace IpipTools.Core.Netlink;

/// <summary>
/// Walks a run of attributes without allocating: each <see cref="Current"/> is a slice of
/// the buffer. This is the one place attribute lengths are checked; <see cref="AttributeList.Parse"/>
/// is built on it, and hot readers (a 100,000-route dump) use it directly so that a route
/// costs no list. Any length that does not fit, and any stray tail shorter than a header,
/// ends in <see cref="NetlinkProtocolException"/>, never in a read past the buffer.
/// </summary>
public struct AttributeEnumerator
{
    private readonly ReadOnlyMemory<byte> _buffer;
    private int _offset;

    public AttributeEnumerator(ReadOnlyMemory<byte> buffer)
    {
        _buffer = buffer;
        _offset = 0;
        Current = default;
    }

    public NetlinkAttribute Current { get; private set; }

    public readonly AttributeEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        var span = _buffer.Span;
        if (_offset + NetlinkAttribute.HeaderSize > span.Length)
        {
            if (_offset < span.Length)
            {
                // Fewer than 4 bytes left over: too short for an attribute header, and the
                // padding of the last attribute was already skipped, so this is a stray tail.
                throw new NetlinkProtocolException($"{span.Length - _offset} stray bytes after the last attribute");
            }

            return false;
        }

        int length = BinaryPrimitives.ReadUInt16LittleEndian(span[_offset..]);
        var rawType = BinaryPrimitives.ReadUInt16LittleEndian(span[(_offset + 2)..]);
        if (length < NetlinkAttribute.HeaderSize || _offset + length > span.Length)
        {
            throw new NetlinkProtocolException(
                $"attribute at offset {_offset} declares length {length}, but {span.Length - _offset} bytes remain");
        }

        Current = new NetlinkAttribute(rawType, _buffer.Slice(_offset + NetlinkAttribute.HeaderSize, length - NetlinkAttribute.HeaderSize));
        _offset += NetlinkAlignment.Align(length);
        return true;
    }
}
