using System.Buffers.Binary;
using IpipTools.Core.Netlink;

namespace IpipTools.TestSupport;

/// <summary>
/// Writes netlink replies the way the kernel lays them out (af_netlink.c
/// netlink_ack and netlink_dump), for scripted transports and for emitting parsed
/// error messages again in golden round trips. Messages go back to back into one
/// datagram until <see cref="ToArray"/>.
/// </summary>
public sealed class NetlinkReplyWriter
{
    private const ushort AttrMessage = 1;      // NLMSGERR_ATTR_MSG
    private const ushort AttrOffset = 2;       // NLMSGERR_ATTR_OFFS
    private const ushort AttrMissingType = 5;  // NLMSGERR_ATTR_MISS_TYPE

    private readonly MessageWriter _writer;

    /// <param name="portId">The receiving socket's port id, which the kernel puts in nlmsg_pid of every reply.</param>
    /// <param name="writer">Where to write, when the replies join other messages in one buffer.</param>
    public NetlinkReplyWriter(uint portId, MessageWriter? writer = null)
    {
        PortId = portId;
        _writer = writer ?? new MessageWriter();
    }

    public uint PortId { get; }

    /// <summary>Any message; <paramref name="body"/> writes its fixed header and attributes.</summary>
    public NetlinkReplyWriter Message(ushort type, NetlinkFlags flags, uint sequence, Action<MessageWriter> body)
    {
        var start = _writer.BeginMessage(type, flags, sequence, PortId);
        body(_writer);
        _writer.EndMessage(start);
        return this;
    }

    /// <summary>NLMSG_DONE ending a dump: an int status (0, or a negative errno for a dump that failed part-way).</summary>
    public NetlinkReplyWriter Done(uint sequence, int status = 0, NetlinkFlags flags = NetlinkFlags.Multi) =>
        Message(NetlinkMessageType.Done, flags, sequence, w => w.WriteRaw(Int32(status)));

    /// <summary>The ACK of <paramref name="request"/> (struct nlmsgerr with error 0; always capped).</summary>
    public NetlinkReplyWriter Ack(NetlinkMessageHeader request) => Error(new NetlinkError(0, request, null, null, null));

    /// <summary>
    /// An NLMSG_ERROR as a socket with NETLINK_CAP_ACK and NETLINK_EXT_ACK gets it:
    /// struct nlmsgerr (negated errno, the request's header only), NLM_F_CAPPED, and
    /// when the error carries extended-ACK data, NLM_F_ACK_TLVS and the TLVs: those
    /// parsed from a real message as they were, otherwise built from the typed fields
    /// in the order netlink_ack_tlv_fill writes them (MSG, OFFS, MISS_TYPE).
    /// </summary>
    public NetlinkReplyWriter Error(NetlinkError error)
    {
        var hasTlvs = error.ExtendedAck is not null || error.KernelMessage is not null || error.AttributeOffset is not null || error.MissingAttributeType is not null;
        var flags = NetlinkFlags.Capped | (hasTlvs ? NetlinkFlags.AckTlvs : NetlinkFlags.None);
        return Message(NetlinkMessageType.Error, flags, error.Request.Sequence, w =>
        {
            w.WriteRaw(Int32(-error.Errno));
            w.WriteStruct(error.Request);
            if (error.ExtendedAck is not null)
            {
                error.ExtendedAck.WriteTo(w);
                return;
            }

            if (error.KernelMessage is not null)
            {
                w.AddString(AttrMessage, error.KernelMessage);
            }

            if (error.AttributeOffset is int offset)
            {
                w.AddUInt32(AttrOffset, (uint)offset);
            }

            if (error.MissingAttributeType is ushort missing)
            {
                w.AddUInt32(AttrMissingType, missing);
            }
        });
    }

    public byte[] ToArray() => _writer.WrittenSpan.ToArray();

    private static byte[] Int32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }
}
