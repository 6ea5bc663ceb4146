using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>A Linux bridge (kind "bridge"). Created with the kernel's defaults.</summary>
public sealed record BridgeParameters : LinkKindParameters
{
    public override string Kind => "bridge";
}

internal sealed class BridgeDriver : ILinkKindDriver
{
    public string Kind => "bridge";

    public Type ParametersType => typeof(BridgeParameters);

    public void WriteInfoData(MessageWriter writer, LinkKindParameters parameters, LinkEncodingContext context)
    {
        // Nothing: the kernel's defaults (no STP, forward delay 15 s) are what the scenarios use.
    }

    public LinkKindParameters Read(AttributeList? infoData) => new BridgeParameters();
}
