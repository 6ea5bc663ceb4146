using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace IpipTools.Core.Netlink;

/// <summary>
/// An NLMSG_ERROR message decoded: the errno (0 for a plain ACK), the header of the
/// request it answers, and the extended-ACK attributes the kernel attached: its
/// human-readable message and the offset of the attribute it rejected.
/// </summary>
public sealed class NetlinkError
{
    private const ushort AttrMessage = 1;          // NLMSGERR_ATTR_MSG
    private const ushort AttrOffset = 2;           // NLMSGERR_ATTR_OFFS
    private const ushort AttrMissingType = 5;      // NLMSGERR_ATTR_MISS_TYPE

    public NetlinkError(int errno, NetlinkMessageHeader request, string? kernelMessage, int? attributeOffset, ushort? missingAttributeType, AttributeList? extendedAck = null)
    {
        Errno = errno;
        Request = request;
        KernelMessage = kernelMessage;
        AttributeOffset = attributeOffset;
        MissingAttributeType = missingAttributeType;
        ExtendedAck = extendedAck;
    }

    /// <summary>Positive errno; 0 means success (an ACK).</summary>
    public int Errno { get; }

    /// <summary>The header of the request this answers (its sequence number matches the request).</summary>
    public NetlinkMessageHeader Request { get; }

    /// <summary>The kernel's extended-ACK text, e.g. "Nexthop has invalid gateway".</summary>
    public string? KernelMessage { get; }

    /// <summary>Byte offset of the offending attribute within the request message, if reported.</summary>
    public int? AttributeOffset { get; }

    /// <summary>Type of a required attribute the request lacked, if reported.</summary>
    public ushort? MissingAttributeType { get; }

    /// <summary>
    /// Every extended-ACK attribute as received, those without a typed property too
    /// (NLMSGERR_ATTR_POLICY, COOKIE, MISS_NEST), so nothing the kernel said is lost
    /// and the message can be emitted again exactly; null when there were none.
    /// </summary>
    public AttributeList? ExtendedAck { get; }

    public bool IsAck => Errno == 0;

    public static NetlinkError Parse(NetlinkMessage message)
    {
        var payload = message.Payload;
        if (payload.Length < 4 + NetlinkMessageHeader.Size)
        {
            throw new NetlinkProtocolException($"error message of {payload.Length} bytes is too short");
        }

        var error = BinaryPrimitives.ReadInt32LittleEndian(payload.Span);
        var request = MemoryMarshal.Read<NetlinkMessageHeader>(payload.Span[4..]);

        // Without NETLINK_CAP_ACK the kernel echoes the whole request; with it, only
        // the header. NLM_F_CAPPED says which, and the TLVs follow either way.
        // In long: the echoed length is the request's nlmsg_len as received, and a malformed
        // reply can make it anything up to 4 GiB.
        var echoed = message.Flags.HasFlag(NetlinkFlags.Capped) ? NetlinkMessageHeader.Size : request.Length;
        var tlvStart = 4 + ((echoed + 3L) & ~3L);

        string? text = null;
        int? offset = null;
        ushort? missing = null;
        AttributeList? tlvs = null;
        if (message.Flags.HasFlag(NetlinkFlags.AckTlvs) && tlvStart <= payload.Length)
        {
            // Copied: the error can outlive the receive buffer, which the next read reuses.
            tlvs = AttributeList.Parse(payload[(int)tlvStart..].ToArray());
            text = tlvs.GetString(AttrMessage);
            offset = (int?)tlvs.GetUInt32(AttrOffset);
            missing = tlvs.TryGet(AttrMissingType, out var m) ? (ushort)m.AsUInt32() : null;
        }

        return new NetlinkError(-error, request, string.IsNullOrEmpty(text) ? null : text, offset, missing, tlvs);
    }
}
