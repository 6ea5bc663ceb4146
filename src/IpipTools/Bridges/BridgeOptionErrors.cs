using IpipTools.Core.Netlink;

namespace IpipTools.Bridges;

/// <summary>What New-NetBridge and Set-NetBridge say when the kernel refuses a bridge option it was built without.</summary>
internal static class BridgeOptionErrors
{
    /// <summary>
    /// A kernel built without CONFIG_BRIDGE_VLAN_FILTERING answers vlan_filtering 1 with a bare
    /// EOPNOTSUPP (seen on this project's host), which alone reads as if bridges were missing.
    /// </summary>
    public static NetlinkException NoVlanFiltering(NetlinkException e, string bridge) =>
        e.Explain("this kernel's bridges have no VLAN filtering (it was built without CONFIG_BRIDGE_VLAN_FILTERING)",
            "Leave -VlanFiltering out, or use a kernel built with it.", "KernelLacksLinkOption", bridge);
}
