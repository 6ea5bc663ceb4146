using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.DesiredState.Topologies;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.Rtnl;
using IpipTools.Infrastructure;

namespace IpipTools.Routes;

/// <summary>
/// <c>ip route add DEST via GATEWAY dev DEVICE onlink</c>: a route whose next hop is used on
/// the device although no prefix there covers it, as routes via tunl0 need. The onlink form
/// of Add-IpRoute (one implementation, <see cref="RouteAddCmdlet"/>): the device is required
/// and onlink is the point; -CheckGateway leaves the flag off. The device binds from a piped
/// tunnel's Name.
/// </summary>
[Cmdlet(VerbsCommon.Add, "OnlinkRoute", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(Route))]
public sealed class AddOnlinkRouteCommand : RouteAddCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "TunnelName", "InterfaceAlias")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string InterfaceName { get; set; } = string.Empty;

    /// <summary>Leave the onlink flag off: the kernel then checks the gateway is on the device's network.</summary>
    [Parameter]
    public SwitchParameter CheckGateway { get; set; }

    protected override Route Requested()
    {
        RequireGiven(nameof(InterfaceName), "interface");
        return Common() with { Device = InterfaceName, OnLink = !CheckGateway.IsPresent && Gateway is not null };
    }
}
