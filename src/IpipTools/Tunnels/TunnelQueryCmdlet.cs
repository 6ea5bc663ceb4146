using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Infrastructure;

namespace IpipTools.Tunnels;

/// <summary>
/// <c>ip tunnel show</c>: the one implementation of Get-IpTunnel (every mode) and Get-IpipTunnel
/// (its ipip form). Without a name the fallback devices (tunl0, gre0, sit0, ip_vti0) are left out
/// unless asked for, so <c>Get-IpTunnel | Remove-IpTunnel</c> removes exactly the tunnels that can
/// be removed; an exact name returns that tunnel whatever its mode, and a link of a kind the
/// tunnel cmdlets do not manage (gretap, ip6tnl) is an error that says so and where to read it.
/// </summary>
public abstract class TunnelQueryCmdlet : NamespacedCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(TunnelNameCompleter))]
    public string? Name { get; set; }

    /// <summary>List the fallback devices too when no name is given.</summary>
    [Parameter]
    public SwitchParameter IncludeFallback { get; set; }

    /// <summary>The modes listed (null: every one).</summary>
    protected abstract IReadOnlyCollection<string>? ModesListed();

    protected override void ProcessItem()
    {
        var tunnels = Client(Target).Tunnels;
        var filter = NameFilter.Of(Name);
        if (filter.ExactName is { } exact)
        {
            WriteObject(tunnels.Get(exact));
            return;
        }

        var modes = ModesListed();
        WriteEach(tunnels.List()
            .Where(t => (modes is null || modes.Contains(t.Mode, StringComparer.OrdinalIgnoreCase))
                && filter.Matches(t.Name) && (IncludeFallback.IsPresent || !filter.MatchesAll || !t.IsFallback)));
    }
}
