using System.Buffers.Binary;

namespace IpipTools.Reliability.Tests.Fuzzing;

/// <summary>
/// Where the framing of a datagram is: every message header and every attribute (nested
/// ones too, as far as they look like attribute runs), found by a lenient walk that stops
/// at the first length that does not fit instead of failing. The mutator uses it to hit
/// length and type fields on purpose, and to insert or remove bytes while keeping every
/// enclosing length consistent, so a mutation reaches the parsers behind the framing.
/// </summary>
internal sealed class WireLayout
{
    private const int MessageHeader = 16;
    private const int AttributeHeader = 4;
    private const int MaxDepth = 6;

    private WireLayout(List<Field> messages, List<Field> attributes)
    {
        Messages = messages;
        Attributes = attributes;
    }

    /// <summary>One message or attribute: where its header starts, its declared length, and the headers that enclose it.</summary>
    public sealed record Field(int Offset, int Length, bool IsMessage, IReadOnlyList<Field> Enclosing);

    public IReadOnlyList<Field> Messages { get; }

    public IReadOnlyList<Field> Attributes { get; }

    public static WireLayout Of(byte[] data)
    {
        var messages = new List<Field>();
        var attributes = new List<Field>();
        var offset = 0;
        while (offset + MessageHeader <= data.Length)
        {
            var length = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset)), int.MaxValue);
            var message = new Field(offset, length, true, Array.Empty<Field>());
            messages.Add(message);
            var fits = length >= MessageHeader && (long)offset + length <= data.Length;
            var end = fits ? offset + length : data.Length;
            var type = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(offset + 4));
            var bodyStart = offset + MessageHeader + FixedHeaderSize(data, offset, type);
            WalkAttributes(data, bodyStart, end, [message], attributes, 0);
            if (!fits)
            {
                break;
            }

            offset += Align(length);
        }

        return new WireLayout(messages, attributes);
    }

    public static int Align(int length) => (length + 3) & ~3;

    /// <summary>ifinfomsg, ifaddrmsg, rtmsg, or an error's errno plus the echoed request header.</summary>
    private static int FixedHeaderSize(byte[] data, int offset, ushort type) => type switch
    {
        16 or 17 or 18 => 16,
        20 or 21 or 22 => 8,
        24 or 25 or 26 => 12,
        2 => ErrorHeaderSize(data, offset),
        _ => 0,
    };

    private static int ErrorHeaderSize(byte[] data, int offset)
    {
        const ushort capped = 0x100;
        if (offset + MessageHeader + 4 + MessageHeader > data.Length)
        {
            return 4;
        }

        var flags = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(offset + 6));
        var echoed = (flags & capped) != 0 ? MessageHeader : (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset + MessageHeader + 4)), 1 << 20);
        return 4 + Align(echoed);
    }

    private static void WalkAttributes(byte[] data, int start, int end, Field[] enclosing, List<Field> found, int depth)
    {
        var position = start;
        while (position + AttributeHeader <= end)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(position));
            var attribute = new Field(position, length, false, enclosing);
            found.Add(attribute);
            if (length < AttributeHeader || position + length > end)
            {
                return;
            }

            if (depth < MaxDepth && length >= 2 * AttributeHeader && LooksLikeAttributes(data, position + AttributeHeader, position + length))
            {
                WalkAttributes(data, position + AttributeHeader, position + length, [.. enclosing, attribute], found, depth + 1);
            }

            position += Align(length);
        }
    }

    /// <summary>True when the bytes split exactly into attributes with sane lengths.</summary>
    private static bool LooksLikeAttributes(byte[] data, int start, int end)
    {
        var position = start;
        while (position + AttributeHeader <= end)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(position));
            if (length < AttributeHeader || position + length > end)
            {
                return false;
            }

            position += Align(length);
        }

        return position >= end;
    }
}
