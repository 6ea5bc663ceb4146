using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Commands;
using IpipTools.Core.Model;
using IpipTools.Infrastructure;

namespace IpipTools.Routes;

/// <summary><c>ip route show [dev D]</c>, onlink routes only unless -All.</summary>
[Cmdlet(VerbsCommon.Get, "OnlinkRoute", DefaultParameterSetName = ByPropertySet)]
[OutputType(typeof(RouteEntry))]
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

    protected override void ProcessItem() =>
        WriteEach(OnlinkRouteCommands.Get(Target, InterfaceName, Destination, All.IsPresent, Table));
}
