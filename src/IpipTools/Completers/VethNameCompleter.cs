using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.Completers;

/// <summary>Completes veth names only: for the veth pair cmdlets.</summary>
public sealed class VethNameCompleter : LinkNameCompleter
{
    protected override bool Offers(Link link) => link.Kind == "veth";
}
