using System.Buffers.Binary;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Xfrm;

/// <summary>
/// The bodies of the policy requests: struct xfrm_userpolicy_info (168 bytes: selector,
/// lifetimes, priority, index, direction, action, flags, share, padded to 8) with the
/// templates (XFRMA_TMPL), mark and if_id for NEWPOLICY and UPDPOLICY, and struct
/// xfrm_userpolicy_id (64 bytes) with the mark and if_id for GETPOLICY and DELPOLICY.
/// </summary>
internal static class XfrmPolicyMessages
{
    public const int InfoSize = 168;
    public const int IdSize = 64;

    /// <summary>XFRM_MSG_NEWPOLICY and XFRM_MSG_UPDPOLICY: the whole policy.</summary>
    public static void WriteInfo(MessageWriter writer, XfrmPolicy policy)
    {
        Span<byte> info = stackalloc byte[InfoSize];
        info.Clear();
        policy.Selector.Write(info);
        XfrmLifetime.Unlimited.Write(info[56..]);
        BinaryPrimitives.WriteUInt32LittleEndian(info[152..], policy.Priority);
        BinaryPrimitives.WriteUInt32LittleEndian(info[156..], policy.Index);
        info[160] = (byte)policy.Direction;
        info[161] = (byte)policy.Action;
        writer.WriteRaw(info);
        if (policy.Templates.Count > 0)
        {
            var templates = new byte[policy.Templates.Count * XfrmTemplate.Size];
            for (var i = 0; i < policy.Templates.Count; i++)
            {
                policy.Templates[i].Write(templates.AsSpan(i * XfrmTemplate.Size), policy.Family);
            }

            writer.AddAttribute(XfrmAttribute.Template, templates);
        }

        XfrmStateMessages.WriteMarkAndInterface(writer, policy.Mark, policy.MarkMask, policy.InterfaceId);
    }

    /// <summary>
    /// XFRM_MSG_GETPOLICY and XFRM_MSG_DELPOLICY: the policy by its index when it has one (as
    /// read), else by direction and selector; the mark and if_id must match either way.
    /// </summary>
    public static void WriteId(MessageWriter writer, XfrmPolicy policy)
    {
        Span<byte> id = stackalloc byte[IdSize];
        id.Clear();
        if (policy.Index == 0)
        {
            policy.Selector.Write(id);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(id[56..], policy.Index);
        id[60] = (byte)policy.Direction;
        writer.WriteRaw(id);
        XfrmStateMessages.WriteMarkAndInterface(writer, policy.Mark, policy.MarkMask, policy.InterfaceId);
    }
}
