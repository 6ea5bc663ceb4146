using System.Buffers.Binary;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace IpipTools.Core.Netlink;

/// <summary>
/// Builds one or more netlink messages back to back in a single growable buffer,
/// ready for one send. Lengths of messages and nested attributes are patched when
/// they are closed, and every attribute is padded to 4 bytes with zeros, the way the
/// kernel's own nla_put does, so what we build is byte-comparable with what it sends.
/// </summary>
public sealed class MessageWriter
{
    private byte[] _buffer;
    private int _length;

    public MessageWriter(int initialCapacity = 4096)
    {
        _buffer = new byte[Math.Max(initialCapacity, 64)];
    }

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public void Reset() => _length = 0;

    /// <summary>Drops everything written after <paramref name="length"/> (undoes a partly built message).</summary>
    public void Truncate(int length) => _length = Math.Min(length, _length);

    /// <summary>Starts a message and returns its offset, for <see cref="EndMessage"/>.</summary>
    /// <remarks>Requests leave <paramref name="portId"/> 0 and the kernel fills it in; replies carry the receiver's.</remarks>
    public int BeginMessage(ushort type, NetlinkFlags flags, uint sequence, uint portId = 0)
    {
        var start = _length;
        var header = new NetlinkMessageHeader { Type = type, Flags = flags, Sequence = sequence, PortId = portId };
        WriteStruct(header);
        return start;
    }

    /// <summary>Sets the nlmsg_len of the message begun at <paramref name="start"/>.</summary>
    public void EndMessage(int start)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(start), (uint)(_length - start));
    }

    /// <summary>Writes a fixed-layout header (ifinfomsg, rtmsg, ...) padded to 4 bytes.</summary>
    public void WriteStruct<T>(in T value)
        where T : unmanaged
    {
        var size = Marshal.SizeOf<T>();
        var destination = Reserve(NetlinkAlignment.Align(size));
        destination.Clear();
        MemoryMarshal.Write(destination, in value);
    }

    public void AddAttribute(ushort type, ReadOnlySpan<byte> payload)
    {
        var total = NetlinkAttribute.HeaderSize + payload.Length;
        if (total > ushort.MaxValue)
        {
            throw new ArgumentException($"attribute {type} payload of {payload.Length} bytes exceeds the 65531-byte netlink limit");
        }

        var destination = Reserve(NetlinkAlignment.Align(total));
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)total);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], type);
        payload.CopyTo(destination[NetlinkAttribute.HeaderSize..]);
        destination[total..].Clear();
    }

    public void AddFlag(ushort type) => AddAttribute(type, ReadOnlySpan<byte>.Empty);

    public void AddByte(ushort type, byte value) => AddAttribute(type, stackalloc byte[] { value });

    public void AddUInt16(ushort type, ushort value)
    {
        Span<byte> payload = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(payload, value);
        AddAttribute(type, payload);
    }

    public void AddUInt16BigEndian(ushort type, ushort value)
    {
        Span<byte> payload = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(payload, value);
        AddAttribute(type, payload);
    }

    public void AddUInt32(ushort type, uint value)
    {
        Span<byte> payload = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, value);
        AddAttribute(type, payload);
    }

    public void AddInt32(ushort type, int value) => AddUInt32(type, unchecked((uint)value));

    /// <summary>A NUL-terminated string, as the kernel's NLA_STRING/NLA_NUL_STRING policies accept.</summary>
    public void AddString(ushort type, string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        Span<byte> payload = byteCount < 256 ? stackalloc byte[byteCount + 1] : new byte[byteCount + 1];
        Encoding.UTF8.GetBytes(value, payload);
        payload[byteCount] = 0;
        AddAttribute(type, payload);
    }

    public void AddAddress(ushort type, IPAddress address)
    {
        Span<byte> payload = stackalloc byte[16];
        if (!address.TryWriteBytes(payload, out var written))
        {
            throw new ArgumentException($"cannot encode address {address}");
        }

        AddAttribute(type, payload[..written]);
    }

    /// <summary>Opens a nested attribute; close it with <see cref="EndNested"/>.</summary>
    public int BeginNested(ushort type, bool markNested = false)
    {
        var start = _length;
        var header = Reserve(NetlinkAttribute.HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(header, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], markNested ? (ushort)(type | NetlinkAttribute.NestedFlag) : type);
        return start;
    }

    public void EndNested(int start)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(start), (ushort)(_length - start));
    }

    /// <summary>Appends raw bytes already in wire form (a whole message or attribute run).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
    }

    /// <summary>The header of the message that starts at <paramref name="start"/>.</summary>
    public NetlinkMessageHeader HeaderAt(int start) => MemoryMarshal.Read<NetlinkMessageHeader>(_buffer.AsSpan(start));

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
