using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.Completers;

/// <summary>Completes every link name: for parameters that take any device (addresses, routes, underlays).</summary>
public sealed class InterfaceNameCompleter : LinkNameCompleter
{
    protected override bool Offers(Link link) => true;
}
