using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Infrastructure;

namespace IpipTools.Routes;

/// <summary>
/// <c>ip route show [dev D]</c> and <c>ip -6 route show [dev D]</c> of the main table (or
/// -Table), onlink routes only unless -All: one dump per family on the pipeline's connection.
/// </summary>
[Cmdlet(VerbsCommon.Get, "OnlinkRoute", DefaultParameterSetName = ByPropertySet)]
[OutputType(typeof(Route))]
public sealed class GetOnlinkRouteCommand : PipedNamespaceCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "TunnelName")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string? InterfaceName { get; set; }

    [Parameter]
    [StrictPrefix]
    public IPNetwork? Destination { get; set; }

    /// <summary>Every route of the table, not only onlink ones.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    [Parameter]
    public uint? Table { get; set; }

    protected override void ProcessItem()
    {
        var routes = Connection(Target).Routes;
        var query = new RouteQuery { Table = (RouteTable?)Table ?? RouteTable.Main, Device = InterfaceName };
        foreach (var family in new[] { AddressFamilies.Inet, AddressFamilies.Inet6 })
        {
            WriteEach(routes.List(query with { Family = family })
                .Where(r => (All.IsPresent || r.OnLink) && (Destination is null || r.Destination.Equals(Destination.Value)))
                .ToList());
        }
    }
}
