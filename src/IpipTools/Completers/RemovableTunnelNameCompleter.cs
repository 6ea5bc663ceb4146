using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.Completers;

/// <summary>
/// Completes the names of tunnels that can be removed: Remove-IpipTunnel offers no fallback
/// device (tunl0, gre0, sit0) a tunnel driver creates in every namespace, which the kernel keeps.
/// </summary>
public sealed class RemovableTunnelNameCompleter : LinkNameCompleter
{
    protected override bool Offers(Link link) => IpTunnel.FromLink(link, _ => null) is { IsFallback: false };
}
