using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Infrastructure;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Routes;

/// <summary>
/// <c>ip route add DEST via GATEWAY dev DEVICE onlink</c>: a route whose next hop is used on
/// the device although no prefix there covers it, as routes via tunl0 need. Onlink is the
/// point of the cmdlet; -CheckGateway leaves the flag off for an ordinary route whose gateway
/// the kernel checks. The route carries IpipTools' mark (<see cref="Ownership.Protocol"/>).
/// Destinations bind from the pipeline by value (prefix strings) and by property name (rows
/// from Import-Csv, objects from ConvertFrom-Json, routes); the device binds from a piped
/// tunnel's Name. Routes are sent in batches (see <see cref="RouteChangeCmdlet"/>).
/// </summary>
[Cmdlet(VerbsCommon.Add, "OnlinkRoute", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(Route))]
public sealed class AddOnlinkRouteCommand : RouteChangeCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PipedNamespaceSet)]
    [StrictPrefix]
    public IPNetwork Destination { get; set; }

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 1, ParameterSetName = PipedNamespaceSet)]
    [Alias("Via")]
    [BlankIsUnset]
    public IPAddress? Gateway { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "TunnelName")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string InterfaceName { get; set; } = string.Empty;

    /// <summary>Leave the onlink flag off: the kernel then checks the gateway is on the device's network.</summary>
    [Parameter]
    public SwitchParameter CheckGateway { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public uint? Metric { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public uint? Table { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public int? Mtu { get; set; }

    /// <summary>Replace a route with the same destination instead of failing (ip route replace).</summary>
    [Parameter]
    public SwitchParameter Replace { get; set; }

    protected override RouteChange Change => Replace.IsPresent ? RouteChange.Replace : RouteChange.Add;

    protected override void ProcessItem()
    {
        RequireGiven(nameof(InterfaceName), "interface");
        var route = new Route(Destination)
        {
            Gateway = Gateway,
            Device = InterfaceName,
            OnLink = !CheckGateway.IsPresent && Gateway is not null,
            Metric = Metric ?? 0,
            Table = ManageableTable(),
            Mtu = Mtu,
            Protocol = Ownership.Protocol,
        };
        if (ShouldProcess($"route {Destination} {Target.Describe()}", $"{(Replace.IsPresent ? "Replace" : "Add")} route {route}"))
        {
            Queue(route);
        }
    }

    protected override void WriteMade(Route made) => WriteObject(made);

    /// <summary>-Table, refused where the topology reader refuses it too (see <see cref="ManageableRouteTables"/>).</summary>
    private RouteTable ManageableTable()
    {
        var table = (RouteTable?)Table ?? RouteTable.Main;
        return ManageableRouteTables.WhyNot(table) is string reason
            ? throw new IpipToolsException($"Cannot add the route to {Destination} to table {(uint)table}: {reason}.", "UnmanageableRouteTable",
                IpipErrorCategory.InvalidArgument, "Leave -Table out for the main table (254), or give another table number, from 1 to 4294967295 except 255.", (uint)table)
            : table;
    }
}
