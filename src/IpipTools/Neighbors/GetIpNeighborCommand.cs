using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Neighbors;
using IpipTools.Infrastructure;

namespace IpipTools.Neighbors;

/// <summary>
/// <c>ip neigh show nud all [dev D]</c>, IPv4 then IPv6: every ARP and NDP entry, of any state
/// (the NOARP entries the kernel keeps for multicast and loopback too; -State narrows), or with
/// -Proxy the proxy entries (<c>ip neigh show proxy</c>).
/// </summary>
[Cmdlet(VerbsCommon.Get, "IpNeighbor", DefaultParameterSetName = ByPropertySet)]
[OutputType(typeof(Neighbor))]
public sealed class GetIpNeighborCommand : PipedNamespaceCmdlet
{
    /// <summary>Only entries on this device (a wildcard matches names).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string? InterfaceName { get; set; }

    [Parameter]
    public IPAddress? Address { get; set; }

    /// <summary>One family only; both when left out.</summary>
    [Parameter]
    public IpFamily? Family { get; set; }

    /// <summary>Only entries in one of these states (Permanent, Reachable, Stale, NoArp, Failed ...).</summary>
    [Parameter]
    public NeighborState[]? State { get; set; }

    /// <summary>The proxy entries instead, which the kernel keeps apart.</summary>
    [Parameter]
    public SwitchParameter Proxy { get; set; }

    protected override void ProcessItem()
    {
        var name = NameFilter.Of(InterfaceName);
        var connection = Client(Target);
        if (name.ExactName is { } exact)
        {
            connection.Links.IndexOf(exact); // an exact name must exist: LinkNotFound otherwise
        }

        var neighbors = connection.Neighbors;
        var families = Family is IpFamily one ? new[] { one }
            : Address is not null ? new[] { (IpFamily)AddressFamilies.Of(Address) }
            : new[] { IpFamily.IPv4, IpFamily.IPv6 };
        foreach (var family in families)
        {
            WriteEach(neighbors.List(family, Proxy.IsPresent).Where(n =>
                name.Matches(n.Device) && (Address is null || n.Address.Equals(Address))
                && (State is null || State.Any(s => s == NeighborState.None ? n.State == s : (n.State & s) != 0))).ToList());
        }
    }
}
