using System.Buffers.Binary;
using System.Collections;

namespace IpipTools.Core.Netlink;

/// <summary>
/// The attributes of a message (or of a nested attribute) in wire order. Known and
/// unknown attributes alike are kept, so that parse followed by
/// <see cref="WriteTo"/> gives back the exact bytes; typed code looks attributes up
/// by type.
/// </summary>
public sealed class AttributeList : IReadOnlyList<NetlinkAttribute>
{
    private readonly List<NetlinkAttribute> _attributes;

    public AttributeList()
    {
        _attributes = new List<NetlinkAttribute>();
    }

    private AttributeList(List<NetlinkAttribute> attributes)
    {
        _attributes = attributes;
    }

    public int Count => _attributes.Count;

    public NetlinkAttribute this[int index] => _attributes[index];

    /// <summary>Parses a run of attributes. Fails on any length that does not fit.</summary>
    public static AttributeList Parse(ReadOnlyMemory<byte> buffer)
    {
        var list = new List<NetlinkAttribute>();
        foreach (var attribute in new AttributeEnumerator(buffer))
        {
            list.Add(attribute);
        }

        return new AttributeList(list);
    }

    /// <summary>The first attribute of this type, if any.</summary>
    public bool TryGet(ushort type, out NetlinkAttribute attribute)
    {
        foreach (var candidate in _attributes)
        {
            if (candidate.Type == type)
            {
                attribute = candidate;
                return true;
            }
        }

        attribute = default;
        return false;
    }

    public bool Contains(ushort type) => TryGet(type, out _);

    public string? GetString(ushort type) => TryGet(type, out var a) ? a.AsString() : null;

    public uint? GetUInt32(ushort type) => TryGet(type, out var a) ? a.AsUInt32() : null;

    public byte? GetByte(ushort type) => TryGet(type, out var a) ? a.AsByte() : null;

    public System.Net.IPAddress? GetAddress(ushort type) => TryGet(type, out var a) ? a.AsAddress() : null;

    public AttributeList? GetNested(ushort type) => TryGet(type, out var a) ? a.AsNested() : null;

    /// <summary>Writes every attribute back, in order, with the original type bits.</summary>
    public void WriteTo(MessageWriter writer)
    {
        foreach (var attribute in _attributes)
        {
            writer.AddAttribute(attribute.RawType, attribute.Payload.Span);
        }
    }

    public IEnumerator<NetlinkAttribute> GetEnumerator() => _attributes.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
