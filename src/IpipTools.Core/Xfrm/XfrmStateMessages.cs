using System.Buffers.Binary;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;

namespace IpipTools.Core.Xfrm;

/// <summary>
/// The bodies of the state requests: struct xfrm_usersa_info (224 bytes on 64-bit Linux: the
/// lifetimes are 8-byte aligned and the struct is padded to a multiple of 8) with the
/// algorithms, mark and if_id for NEWSA and UPDSA, and struct xfrm_usersa_id (24 bytes) with
/// the mark for GETSA and DELSA.
/// </summary>
internal static class XfrmStateMessages
{
    public const int InfoSize = 224;
    public const int IdSize = 24;

    /// <summary>Offset of xfrm_usersa_info.lft.</summary>
    public const int LifetimeOffset = 96;

    public static void WriteInfo(Span<byte> info, XfrmState state)
    {
        info[..InfoSize].Clear();
        var family = AddressFamilies.Of(state.Destination);
        state.Selector.Write(info);
        XfrmAddress.Write(info[56..], state.Destination);
        BinaryPrimitives.WriteUInt32BigEndian(info[72..], state.Spi);
        info[76] = (byte)state.Protocol;
        XfrmAddress.Write(info[80..], state.Source);
        state.Lifetime.Write(info[LifetimeOffset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(info[208..], state.ReqId);
        BinaryPrimitives.WriteUInt16LittleEndian(info[212..], family);
        info[214] = (byte)state.Mode;
        info[215] = state.ReplayWindow;
    }

    /// <summary>XFRM_MSG_NEWSA: the state and its keys.</summary>
    public static void WriteNew(MessageWriter writer, XfrmState state, XfrmStateKeys keys)
    {
        Span<byte> info = stackalloc byte[InfoSize];
        WriteInfo(info, state);
        writer.WriteRaw(info);
        if (state.AeadAlgorithm is { } aead)
        {
            XfrmAlgorithm.Write(writer, XfrmAttribute.Aead, aead, (uint)(state.IcvLength ?? 0), keys.Aead);
        }

        if (state.EncryptionAlgorithm is { } encryption)
        {
            XfrmAlgorithm.Write(writer, XfrmAttribute.Encryption, encryption, null, keys.Encryption);
        }

        if (state.AuthenticationAlgorithm is { } authentication)
        {
            XfrmAlgorithm.Write(writer, XfrmAttribute.AuthenticationTruncated, authentication, (uint)(state.TruncationLength ?? 0), keys.Authentication);
        }

        WriteMarkAndInterface(writer, state.Mark, state.MarkMask, state.InterfaceId);
    }

    /// <summary>The attributes of a state as read that an update sends back as they were: its algorithms (with their keys), encapsulation, marks and if_id.</summary>
    private static readonly HashSet<ushort> KeptOnUpdate = new()
    {
        XfrmAttribute.Aead, XfrmAttribute.Encryption, XfrmAttribute.AuthenticationTruncated, XfrmAttribute.Compression,
        XfrmAttribute.Encapsulation, XfrmAttribute.CareOfAddress, XfrmAttribute.Mark, XfrmAttribute.InterfaceId,
        XfrmAttribute.SetMark, XfrmAttribute.SetMarkMask, XfrmAttribute.TfcPadding, XfrmAttribute.ReplayStateEsn, XfrmAttribute.ExtraFlags,
    };

    /// <summary>
    /// XFRM_MSG_UPDSA: a state the kernel returned (<paramref name="read"/>, the payload of its
    /// GETSA reply, already changed where the update changes it), sent back with the attributes
    /// an add takes. Plain XFRMA_ALG_AUTH is left out: the kernel sends it beside
    /// XFRMA_ALG_AUTH_TRUNC, which says the same with the truncation length.
    /// </summary>
    public static void WriteUpdate(MessageWriter writer, byte[] read)
    {
        writer.WriteRaw(read.AsSpan(0, InfoSize));
        var attributes = new AttributeEnumerator(read.AsMemory(NetlinkAlignment.Align(InfoSize)));
        foreach (var attribute in attributes)
        {
            if (KeptOnUpdate.Contains(attribute.Type))
            {
                writer.AddAttribute(attribute.Type, attribute.Payload.Span);
            }
        }
    }

    /// <summary>XFRM_MSG_GETSA and XFRM_MSG_DELSA: the state's identity.</summary>
    public static void WriteId(MessageWriter writer, XfrmState state)
    {
        Span<byte> id = stackalloc byte[IdSize];
        id.Clear();
        XfrmAddress.Write(id, state.Destination);
        BinaryPrimitives.WriteUInt32BigEndian(id[16..], state.Spi);
        BinaryPrimitives.WriteUInt16LittleEndian(id[20..], AddressFamilies.Of(state.Destination));
        id[22] = (byte)state.Protocol;
        writer.WriteRaw(id);
        WriteMarkAndInterface(writer, state.Mark, state.MarkMask, null);
    }

    /// <summary>XFRMA_MARK (value, then mask: all ones unless given) and XFRMA_IF_ID, each when set.</summary>
    public static void WriteMarkAndInterface(MessageWriter writer, uint? mark, uint? mask, uint? interfaceId)
    {
        if (mark is { } value)
        {
            Span<byte> pair = stackalloc byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(pair, value);
            BinaryPrimitives.WriteUInt32LittleEndian(pair[4..], mask ?? uint.MaxValue);
            writer.AddAttribute(XfrmAttribute.Mark, pair);
        }

        if (interfaceId is { } id)
        {
            writer.AddUInt32(XfrmAttribute.InterfaceId, id);
        }
    }
}
