using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Infrastructure;

namespace IpipTools.Routes;

/// <summary>
/// <c>ip route del DEST [via GATEWAY] [dev DEVICE]</c>: what is not given matches anything
/// (<see cref="Route.Removal"/>). Routes from Get-OnlinkRoute bind whole, prefix strings by
/// value, rows and objects by property name; deletions are sent in batches
/// (see <see cref="RouteChangeCmdlet"/>).
/// </summary>
[Cmdlet(VerbsCommon.Remove, "OnlinkRoute", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveOnlinkRouteCommand : RouteChangeCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PipedNamespaceSet)]
    [StrictPrefix]
    public IPNetwork Destination { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Via")]
    [BlankIsUnset]
    public IPAddress? Gateway { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "TunnelName")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    [BlankIsUnset]
    public string? InterfaceName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public uint? Table { get; set; }

    protected override RouteChange Change => RouteChange.Delete;

    protected override void ProcessItem()
    {
        var route = Route.Removal(Destination, Gateway, InterfaceName, (RouteTable?)Table ?? RouteTable.Main);
        var action = $"Remove route {route.Destination}{(route.Gateway is null ? string.Empty : $" via {route.Gateway}")}"
            + $"{(route.Device is null ? string.Empty : $" dev {route.Device}")}{(route.Table == RouteTable.Main ? string.Empty : $" table {route.Table.ToIpString()}")}";
        if (ShouldProcess($"route {route.Destination} {NamespaceText.Describe(Target)}", action))
        {
            Queue(route);
        }
    }

    protected override void WriteMade(Route made)
    {
        // A deletion has nothing to write.
    }
}
