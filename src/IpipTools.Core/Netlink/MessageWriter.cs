using System.Buffers.Binary;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace IpipTools.Core.Netlink;

/// <summary>
/// Builds one or more netlink messages back to back in a single growable buffer,
/// ready for one send. Lengths of messages and nested attributes (see
/// <see cref="NestedAttributeScope"/>) are patched when they are closed, and every
/// attribute is padded to 4 bytes with zeros, the way the kernel's own nla_put does,
/// so what we build is byte-comparable with what it sends.
/// </summary>
public sealed class MessageWriter
{
    private byte[] _buffer;
    private int _length;

    // Nested attributes opened and not yet closed; a message cannot end while any is open.
    private int _openNests;

    public MessageWriter(int initialCapacity = 4096)
    {
        _buffer = new byte[Math.Max(initialCapacity, 64)];
    }

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public void Reset()
    {
        _length = 0;
        _openNests = 0;
    }

    /// <summary>Zeroes the whole buffer and empties it: for a request that carried secrets (IPsec keys), so that none stays in memory after it was sent.</summary>
    public void Wipe()
    {
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(_buffer);
        Reset();
    }

    /// <summary>
    /// Drops everything written after <paramref name="length"/> (undoes a partly built
    /// message), and with it any nest still open: the message it was in is gone.
    /// </summary>
    public void Truncate(int length)
    {
        _length = Math.Min(length, _length);
        _openNests = 0;
    }

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
        if (_openNests != 0)
        {
            throw new InvalidOperationException(
                $"{_openNests} nested attribute(s) still open at the end of the message; open them with 'using var nest = writer.Nested(type)'");
        }

        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(start), (uint)(_length - start));
    }

    /// <summary>Writes a fixed-layout header (ifinfomsg, rtmsg, ...) padded to 4 bytes.</summary>
    public void WriteStruct<T>(in T value)
        where T : unmanaged
    {
        // The struct as laid out in memory, as MemoryMarshal writes it (the headers hold integers only,
        // so this is the C size). A constant for the JIT, where Marshal.SizeOf reflects on every call.
        var size = Unsafe.SizeOf<T>();
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

    /// <summary>
    /// Opens a nested attribute; everything written until the returned scope is disposed
    /// goes inside it. Always <c>using var nest = writer.Nested(type);</c>: a nest left
    /// open makes <see cref="EndMessage"/> throw rather than send a message with a zero nla_len.
    /// </summary>
    public NestedAttributeScope Nested(ushort type)
    {
        var start = _length;
        var header = Reserve(NetlinkAttribute.HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(header, 0); // nla_len, patched by CloseNested
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], type);
        return new NestedAttributeScope(this, start, ++_openNests);
    }

    /// <summary>Called by <see cref="NestedAttributeScope.Dispose"/>: nests close innermost first, once each.</summary>
    internal void CloseNested(int start, int depth)
    {
        if (depth != _openNests)
        {
            throw new InvalidOperationException(
                $"nested attribute {depth} of {_openNests} open ones closed out of order or twice; open each with 'using var' so they close innermost first");
        }

        var length = _length - start;
        if (length > ushort.MaxValue)
        {
            throw new ArgumentException($"nested attribute of {length} bytes exceeds the 65535-byte netlink limit");
        }

        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(start), (ushort)length);
        _openNests--;
    }

    /// <summary>Appends raw bytes already in wire form (a whole message or attribute run).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
    }

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
