namespace IpipTools.Core.Xfrm;

/// <summary>XFRM_MSG_* (linux/xfrm.h): the message types of NETLINK_XFRM that IpipTools sends or reads.</summary>
public static class XfrmMessageType
{
    public const ushort NewState = 0x10;
    public const ushort DeleteState = 0x11;
    public const ushort GetState = 0x12;
    public const ushort NewPolicy = 0x13;
    public const ushort DeletePolicy = 0x14;
    public const ushort GetPolicy = 0x15;

    /// <summary>XFRM_MSG_UPDPOLICY: NEWPOLICY that replaces the policy of the same selector, direction, mark and if_id.</summary>
    public const ushort UpdatePolicy = 0x19;

    /// <summary>XFRM_MSG_UPDSA: NEWSA on an existing state; the kernel changes its lifetimes (and output mark) in place.</summary>
    public const ushort UpdateState = 0x1a;
}
