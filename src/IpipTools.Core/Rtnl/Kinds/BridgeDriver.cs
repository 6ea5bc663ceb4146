using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// IFLA_INFO_DATA of kind "bridge" (IFLA_BR_*, linux/if_link.h): only the options given, so a
/// bridge is made with the kernel's defaults for the rest, and a change (br_changelink)
/// touches only what it names.
/// </summary>
internal sealed class BridgeDriver : LinkKindDriver<BridgeParameters>, ICreatableKind
{
    private const ushort StpStateAttribute = 5;       // IFLA_BR_STP_STATE, u32
    private const ushort VlanFilteringAttribute = 7;  // IFLA_BR_VLAN_FILTERING, u8

    public override string Kind => "bridge";

    public LinkRole Role => LinkRole.Bridge;

    /// <summary>First: ports join their bridge as they are made.</summary>
    public bool HasHardwareAddress => true;

    public int CreationRank => 0;

    public LinkKindParameters CreationDefaults => new BridgeParameters();

    public string KernelModule => "bridge";

    public string KernelConfigOption => "CONFIG_BRIDGE";

    public override void WriteInfoData(MessageWriter writer, BridgeParameters parameters, LinkEncodingContext context)
    {
        if (parameters.SpanningTree is bool stp)
        {
            writer.AddUInt32(StpStateAttribute, stp ? 1u : 0u);
        }

        if (parameters.VlanFiltering is bool filtering)
        {
            writer.AddByte(VlanFilteringAttribute, filtering ? (byte)1 : (byte)0);
        }
    }

    /// <summary>
    /// A kernel built without CONFIG_BRIDGE_VLAN_FILTERING answers vlan_filtering 1, at creation
    /// or in a change, with a bare EOPNOTSUPP (seen on this project's host), which alone reads as
    /// if bridges were missing.
    /// </summary>
    public override NetlinkException? ExplainRefusal(NetlinkException error, Link link, BridgeParameters parameters, RtnetlinkClient client) =>
        error is { ErrorNumber: Errno.EOPNOTSUPP, KernelMessage: null } && parameters.VlanFiltering is true
            ? error.Explain("this kernel's bridges have no VLAN filtering (it was built without CONFIG_BRIDGE_VLAN_FILTERING)",
                "Leave -VlanFiltering out, or use a kernel built with it.", "KernelLacksLinkOption", link.Name)
            : null;

    public override BridgeParameters Read(AttributeList? infoData) =>
        infoData is null
            ? new BridgeParameters()
            : new BridgeParameters
            {
                // The kernel reports the STP state it runs (2 when a user-space daemon runs it): any non-zero is on.
                SpanningTree = infoData.GetUInt32(StpStateAttribute) is uint state ? state != 0 : null,
                VlanFiltering = infoData.GetByte(VlanFilteringAttribute) is byte filtering ? filtering != 0 : null,
            };
}
