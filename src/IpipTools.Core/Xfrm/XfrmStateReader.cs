using System.Buffers.Binary;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Xfrm;

/// <summary>
/// Makes an <see cref="XfrmState"/> of an XFRM_MSG_NEWSA message (a dump entry or a GETSA
/// reply). The kernel sends the keys in the algorithm attributes; only their names and
/// lengths are read, so no state object ever holds key material.
/// </summary>
internal static class XfrmStateReader
{
    public static XfrmState Read(NetlinkMessage message, string? netNamespace)
    {
        var info = message.Payload.Span;
        if (info.Length < XfrmStateMessages.InfoSize)
        {
            throw new NetlinkProtocolException($"an xfrm state message of {info.Length} bytes is shorter than xfrm_usersa_info ({XfrmStateMessages.InfoSize})");
        }

        var family = BinaryPrimitives.ReadUInt16LittleEndian(info[212..]);
        var state = new XfrmState(XfrmAddress.Read(info[80..], family), XfrmAddress.Read(info[56..], family), BinaryPrimitives.ReadUInt32BigEndian(info[72..]))
        {
            Protocol = (XfrmProtocol)info[76],
            Selector = XfrmSelector.Read(info),
            Lifetime = XfrmLifetime.Read(info[XfrmStateMessages.LifetimeOffset..]),
            ReqId = BinaryPrimitives.ReadUInt32LittleEndian(info[208..]),
            Mode = (XfrmMode)info[214],
            ReplayWindow = info[215],
            Namespace = netNamespace,
        };

        foreach (var attribute in message.EnumerateAttributes(XfrmStateMessages.InfoSize))
        {
            var payload = attribute.Payload.Span;
            switch (attribute.Type)
            {
                case XfrmAttribute.Aead:
                    state = state with { AeadAlgorithm = XfrmAlgorithm.ReadName(payload), IcvLength = XfrmAlgorithm.ReadExtraBits(payload) };
                    break;
                case XfrmAttribute.Encryption:
                    state = state with { EncryptionAlgorithm = XfrmAlgorithm.ReadName(payload) };
                    break;
                case XfrmAttribute.AuthenticationTruncated:
                    state = state with { AuthenticationAlgorithm = XfrmAlgorithm.ReadName(payload), TruncationLength = XfrmAlgorithm.ReadExtraBits(payload) };
                    break;
                case XfrmAttribute.Authentication when state.AuthenticationAlgorithm is null:
                    state = state with { AuthenticationAlgorithm = XfrmAlgorithm.ReadName(payload) };
                    break;
                case XfrmAttribute.Mark:
                    var (mark, mask) = XfrmMark.Read(payload);
                    state = state with { Mark = mark, MarkMask = mark is null ? null : mask };
                    break;
                case XfrmAttribute.InterfaceId:
                    var id = attribute.AsUInt32();
                    state = state with { InterfaceId = id == 0 ? null : id };
                    break;
            }
        }

        return state;
    }
}
