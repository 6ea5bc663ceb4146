using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Completers;

/// <summary>
/// Completes IP tunnel names (ipip, gre, sit: the links whose kind data a tunnel driver reads),
/// fallback devices included: for Get-/Set-IpipTunnel and the mesh device.
/// </summary>
public sealed class TunnelNameCompleter : LinkNameCompleter
{
    protected override bool Offers(Link link) => link.KindParameters is Ipv4TunnelParameters;
}
