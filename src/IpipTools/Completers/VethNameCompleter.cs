using IpipTools.Core.Model;

namespace IpipTools.Completers;

/// <summary>Completes veth names only: for the veth pair cmdlets.</summary>
public sealed class VethNameCompleter : LinkNameCompleter
{
    protected override bool Offers(NetworkLink link) => link.Kind == "veth";
}
