using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Completers;

/// <summary>Completes bridge names only: for Set-NetLink -Master and Remove-NetBridge.</summary>
public sealed class BridgeNameCompleter : LinkNameCompleter
{
    protected override bool Offers(Link link) => link.KindParameters is BridgeParameters;
}
