using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>IFLA_INFO_DATA of kind "bridge": empty, so a bridge gets the kernel's defaults.</summary>
internal sealed class BridgeDriver : LinkKindDriver<BridgeParameters>, ICreatableKind
{
    public override string Kind => "bridge";

    public LinkRole Role => LinkRole.Bridge;

    /// <summary>First: ports join their bridge as they are made.</summary>
    public int CreationRank => 0;

    public LinkKindParameters CreationDefaults => new BridgeParameters();

    public override void WriteInfoData(MessageWriter writer, BridgeParameters parameters, LinkEncodingContext context)
    {
        // Nothing: the kernel's defaults (no STP, forward delay 15 s) are what the scenarios use.
    }

    public override BridgeParameters Read(AttributeList? infoData) => new BridgeParameters();
}
