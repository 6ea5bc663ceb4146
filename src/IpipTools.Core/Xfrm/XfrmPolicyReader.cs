using System.Buffers.Binary;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Xfrm;

/// <summary>Makes an <see cref="XfrmPolicy"/> of an XFRM_MSG_NEWPOLICY message (a dump entry or a GETPOLICY reply).</summary>
internal static class XfrmPolicyReader
{
    /// <summary>The policy, or null for a per-socket policy (direction 3 and up), which is no policy of the namespace's.</summary>
    public static XfrmPolicy? Read(NetlinkMessage message, string? netNamespace)
    {
        var info = message.Payload.Span;
        if (info.Length < XfrmPolicyMessages.InfoSize)
        {
            throw new NetlinkProtocolException($"an xfrm policy message of {info.Length} bytes is shorter than xfrm_userpolicy_info ({XfrmPolicyMessages.InfoSize})");
        }

        if (info[160] > (byte)XfrmDirection.Forward)
        {
            return null;
        }

        var selector = XfrmSelector.Read(info);
        var policy = new XfrmPolicy((XfrmDirection)info[160])
        {
            Source = selector.Family == 0 ? null : selector.Source,
            Destination = selector.Family == 0 ? null : selector.Destination,
            Protocol = selector.Protocol,
            SourcePort = selector.SourcePort,
            DestinationPort = selector.DestinationPort,
            Priority = BinaryPrimitives.ReadUInt32LittleEndian(info[152..]),
            Index = BinaryPrimitives.ReadUInt32LittleEndian(info[156..]),
            Action = (XfrmPolicyAction)info[161],
            Namespace = netNamespace,
        };

        foreach (var attribute in message.EnumerateAttributes(XfrmPolicyMessages.InfoSize))
        {
            var payload = attribute.Payload.Span;
            switch (attribute.Type)
            {
                case XfrmAttribute.Template:
                    var templates = new List<XfrmTemplate>();
                    for (var offset = 0; offset + XfrmTemplate.Size <= payload.Length; offset += XfrmTemplate.Size)
                    {
                        templates.Add(XfrmTemplate.Read(payload[offset..]));
                    }

                    policy = policy with { Templates = templates };
                    break;
                case XfrmAttribute.Mark:
                    var (mark, mask) = XfrmMark.Read(payload);
                    policy = policy with { Mark = mark, MarkMask = mark is null ? null : mask };
                    break;
                case XfrmAttribute.InterfaceId:
                    var id = attribute.AsUInt32();
                    policy = policy with { InterfaceId = id == 0 ? null : id };
                    break;
            }
        }

        return policy;
    }
}
