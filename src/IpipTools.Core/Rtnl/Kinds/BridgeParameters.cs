namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>A Linux bridge (kind "bridge"). Created with the kernel's defaults.</summary>
public sealed record BridgeParameters : LinkKindParameters
{
    public override string Kind => "bridge";
}
