using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Infrastructure;

namespace IpipTools.Tunnels;

/// <summary>
/// <c>ip tunnel show</c>: the ipip tunnels of a namespace, by name or wildcard. Without a
/// name the fallback device (tunl0) is left out unless asked for, so <c>Get-IpipTunnel |
/// Remove-IpipTunnel</c> removes exactly the tunnels that can be removed; an exact name
/// returns that tunnel whatever its kind.
/// </summary>
[Cmdlet(VerbsCommon.Get, "IpipTunnel")]
[OutputType(typeof(IpTunnel))]
public sealed class GetIpipTunnelCommand : NamespacedCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(TunnelNameCompleter))]
    public string? Name { get; set; }

    /// <summary>List the fallback device tunl0 too when no name is given.</summary>
    [Parameter]
    public SwitchParameter IncludeFallback { get; set; }

    protected override void ProcessItem()
    {
        var tunnels = Connection(Target).Tunnels;
        var filter = NameFilter.Of(Name);
        if (filter.ExactName is { } exact)
        {
            WriteObject(tunnels.Get(exact));
            return;
        }

        WriteEach(tunnels.List(LinkKindRegistry.KindOf<IpipParameters>())
            .Where(t => filter.Matches(t.Name) && (IncludeFallback.IsPresent || !filter.MatchesAll || !t.IsFallback)));
    }
}
