using IpipTools.Core.Model;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Completers;

/// <summary>
/// Completes IP tunnel names (ipip, gre, sit: the links whose kind data a tunnel driver reads),
/// fallback devices included: for Get-/Set-IpipTunnel and the mesh device.
/// </summary>
public sealed class TunnelNameCompleter : LinkNameCompleter
{
    protected override bool Offers(NetworkLink link) => link.KindParameters is ITunnelParameters;
}
