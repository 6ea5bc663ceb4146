using System.Buffers.Binary;

namespace IpipTools.Reliability.Tests.Fuzzing;

/// <summary>
/// Turns a captured kernel datagram into a malformed one, one to four mutations at a time:
/// blind ones (truncation, bit flips, random bytes, inserted or deleted ranges, a splice
/// with another datagram) and framing-aware ones (a length or type field set to a boundary
/// value, the nested flag toggled, an attribute grown, shrunk, duplicated, removed or
/// buried under many levels of nesting with every enclosing length kept consistent, so the
/// parsers behind the framing see it).
/// </summary>
internal static class Mutator
{
    private delegate byte[] Mutation(byte[] data, Random random, IReadOnlyList<byte[]> corpus);

    private static readonly Mutation[] Mutations =
    {
        Truncate, FlipBits, OverwriteBytes, SetLengthField, SetTypeField, ToggleNested, ToggleMessageFlags,
        ResizeAttribute, DuplicateAttribute, RemoveAttribute, NestDeeply, InsertRandom, DeleteRange, Crossover,
    };

    private static readonly uint[] InterestingLengths = { 0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 19, 20, 36, 255, 256, 0x7FFF, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF };

    public static byte[] Mutate(byte[] seed, Random random, IReadOnlyList<byte[]> corpus)
    {
        var data = seed;
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++)
        {
            data = Mutations[random.Next(Mutations.Length)](data, random, corpus);
        }

        return data;
    }

    private static byte[] Truncate(byte[] data, Random random, IReadOnlyList<byte[]> corpus) =>
        data.AsSpan(0, random.Next(data.Length + 1)).ToArray();

    private static byte[] FlipBits(byte[] data, Random random, IReadOnlyList<byte[]> corpus)
    {
        var copy = (byte[])data.Clone();
        for (var i = 1 + random.Next(8); i > 0 && copy.Length > 0; i--)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static byte[] OverwriteBytes(byte[] data, Random random, IReadOnlyList<byte[]> corpus)
    {
        var copy = (byte[])data.Clone();
        byte[] values = { 0x00, 0xFF, 0x7F, 0x80, 0x01, (byte)random.Next(256) };
        for (var i = 1 + random.Next(4); i > 0 && copy.Length > 0; i--)
        {
            copy[random.Next(copy.Length)] = values[random.Next(values.Length)];
        }

        return copy;
    }

    /// <summary>A message's nlmsg_len or an attribute's nla_len set to a boundary value or just off its real one.</summary>
    private static byte[] SetLengthField(byte[] data, Random random, IReadOnlyList<byte[]> corpus)
    {
        var field = PickField(data, random);
        if (field is null)
        {
            return FlipBits(data, random, corpus);
        }

        var copy = (byte[])data.Clone();
        var value = random.Next(3) == 0
            ? (uint)(field.Length + random.Next(-8, 9))
            : InterestingLengths[random.Next(InterestingLengths.Length)];
        if (field.IsMessage)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(field.Offset), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(field.Offset), (ushort)value);
        }

        return copy;
    }

    /// <summary>A message type (so a route is parsed as a link, an error, a DONE) or an attribute type changed.</summary>
    private static byte[] SetTypeField(byte[] data, Random random, IReadOnlyList<byte[]> corpus)
    {
        var field = PickField(data, random);
        if (field is null)
        {
            return FlipBits(data, random, corpus);
        }

        var copy = (byte[])data.Clone();
        ushort[] messageTypes = { 1, 2, 3, 4, 16, 20, 24, (ushort)random.Next(0x10000) };
        var type = field.IsMessage
            ? messageTypes[random.Next(messageTypes.Length)]
            : (ushort)(random.Next(2) == 0 ? random.Next(1, 64) : random.Next(0x10000));
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(field.Offset + (field.IsMessage ? 4 : 2)), type);
        return copy;
    }

    private static byte[] ToggleNested(byte[] data, Random random, IReadOnlyList<byte[]> corpus)
    {
        var attribute = PickAttribute(data, random);
        if (attribute is null)
        {
            return FlipBits(data, random, corpus);
        }

        var copy = (byte[])data.Clone();
        copy[attribute.Offset + 3] ^= (byte)(random.Next(2) == 0 ? 0x80 : 0x40); // NLA_F_NESTED or NLA_F_NET_BYTEORDER
        return copy;
    }

    /// <summary>NLM_F_MULTI, DUMP_INTR, CAPPED or ACK_TLVS flipped: the last two change where an error's TLVs are looked for.</summary>
    private static byte[] ToggleMessageFlags(byte[] data, Random random, IReadOnlyList<byte[]> corpus)
    {
        var layout = WireLayout.Of(data);
        if (layout.Messages.Count == 0)
        {
            return FlipBits(data, random, corpus);
        }

        var message = layout.Messages[random.Next(layout.Messages.Count)];
        var copy = (byte[])data.Clone();
        ushort[] flags = { 0x02, 0x10, 0x100, 0x200 };
        var current = BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan(message.Offset + 6));
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(message.Offset + 6), (ushort)(current ^ flags[random.Next(flags.Length)]));
        return copy;
    }

    /// <summary>An attribute's payload grown or shrunk (an address of 3 or 17 bytes, a u32 of 2), lengths kept consistent.</summary>
    private static byte[] ResizeAttribute(byte[] data, Random random, IReadOnlyList<byte[]> corpus)
    {
        var attribute = PickWholeAttribute(data, random);
        if (attribute is null)
        {
            return Truncate(data, random, corpus);
        }

        var payload = attribute.Length - 4;
        var delta = random.Next(-Math.Min(payload, 16), 17);
        if (delta >= 0)
        {
            var extra = new byte[delta];
            random.NextBytes(extra);
            return Insert(data, attribute.Offset + attribute.Length, extra, [.. attribute.Enclosing, attribute]);
        }

        return Remove(data, attribute.Offset + attribute.Length + delta, -delta, [.. attribute.Enclosing, attribute]);
    }

    private static byte[] DuplicateAttribute(byte[] data, Random random, IReadOnlyList<byte[]> corpus)
    {
        var attribute = PickWholeAttribute(data, random);
        if (attribute is null)
        {
            return FlipBits(data, random, corpus);
        }

        var size = WireLayout.Align(attribute.Length);
        if (attribute.Offset + size > data.Length)
        {
            size = attribute.Length;
        }

        return Insert(data, attribute.Offset, data.AsSpan(attribute.Offset, size).ToArray(), attribute.Enclosing);
    }

    private static byte[] RemoveAttribute(byte[] data, Random random, IReadOnlyList<byte[]> corpus)
    {
        var attribute = PickWholeAttribute(data, random);
        if (attribute is null)
        {
            return Truncate(data, random, corpus);
        }

        var size = Math.Min(WireLayout.Align(attribute.Length), data.Length - attribute.Offset);
        return Remove(data, attribute.Offset, size, attribute.Enclosing);
    }

    /// <summary>Wraps an attribute in up to 200 levels of nested attributes of random types.</summary>
    private static byte[] NestDeeply(byte[] data, Random random, IReadOnlyList<byte[]> corpus)
    {
        var attribute = PickWholeAttribute(data, random);
        if (attribute is null)
        {
            return FlipBits(data, random, corpus);
        }

        var levels = 1 + random.Next(200);
        var inner = WireLayout.Align(attribute.Length);
        if (attribute.Offset + inner > data.Length || inner + levels * 4 > 0xFFFF)
        {
            return FlipBits(data, random, corpus);
        }

        var headers = new byte[levels * 4];
        for (var level = 0; level < levels; level++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(headers.AsSpan(level * 4), (ushort)(inner + (levels - level) * 4));
            BinaryPrimitives.WriteUInt16LittleEndian(headers.AsSpan(level * 4 + 2), (ushort)(random.Next(1, 64) | (random.Next(2) == 0 ? 0x8000 : 0)));
        }

        return Insert(data, attribute.Offset, headers, attribute.Enclosing);
    }

    private static byte[] InsertRandom(byte[] data, Random random, IReadOnlyList<byte[]> corpus)
    {
        var bytes = new byte[1 + random.Next(32)];
        random.NextBytes(bytes);
        return Insert(data, random.Next(data.Length + 1), bytes, []);
    }

    private static byte[] DeleteRange(byte[] data, Random random, IReadOnlyList<byte[]> corpus)
    {
        if (data.Length == 0)
        {
            return data;
        }

        var start = random.Next(data.Length);
        return Remove(data, start, random.Next(1, Math.Min(64, data.Length - start) + 1), []);
    }

    /// <summary>The head of this datagram followed by the tail of another.</summary>
    private static byte[] Crossover(byte[] data, Random random, IReadOnlyList<byte[]> corpus)
    {
        var other = corpus[random.Next(corpus.Count)];
        var head = random.Next(data.Length + 1);
        var tail = random.Next(other.Length + 1);
        return [.. data.AsSpan(0, head), .. other.AsSpan(tail)];
    }

    private static WireLayout.Field? PickField(byte[] data, Random random)
    {
        var layout = WireLayout.Of(data);
        var count = layout.Messages.Count + layout.Attributes.Count;
        if (count == 0)
        {
            return null;
        }

        var pick = random.Next(count);
        return pick < layout.Messages.Count ? layout.Messages[pick] : layout.Attributes[pick - layout.Messages.Count];
    }

    private static WireLayout.Field? PickAttribute(byte[] data, Random random)
    {
        var attributes = WireLayout.Of(data).Attributes;
        return attributes.Count == 0 ? null : attributes[random.Next(attributes.Count)];
    }

    /// <summary>An attribute whose declared length fits the datagram, so it can be moved as a whole.</summary>
    private static WireLayout.Field? PickWholeAttribute(byte[] data, Random random)
    {
        var attributes = WireLayout.Of(data).Attributes.Where(a => a.Length >= 4 && a.Offset + a.Length <= data.Length).ToList();
        return attributes.Count == 0 ? null : attributes[random.Next(attributes.Count)];
    }

    /// <summary>Inserts bytes and adds their count to the length of every enclosing message and attribute.</summary>
    private static byte[] Insert(byte[] data, int at, byte[] bytes, IReadOnlyList<WireLayout.Field> enclosing)
    {
        byte[] result = [.. data.AsSpan(0, at), .. bytes, .. data.AsSpan(at)];
        AdjustLengths(result, enclosing, bytes.Length);
        return result;
    }

    private static byte[] Remove(byte[] data, int at, int count, IReadOnlyList<WireLayout.Field> enclosing)
    {
        byte[] result = [.. data.AsSpan(0, at), .. data.AsSpan(at + count)];
        AdjustLengths(result, enclosing, -count);
        return result;
    }

    private static void AdjustLengths(byte[] data, IReadOnlyList<WireLayout.Field> enclosing, int delta)
    {
        foreach (var field in enclosing)
        {
            if (field.IsMessage)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(field.Offset), (uint)Math.Max(0, field.Length + delta));
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(field.Offset), (ushort)Math.Clamp(field.Length + delta, 0, 0xFFFF));
            }
        }
    }
}
