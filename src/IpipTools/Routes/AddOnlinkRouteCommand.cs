using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Commands;
using IpipTools.Core.Model;
using IpipTools.Infrastructure;

namespace IpipTools.Routes;

/// <summary>
/// <c>ip route add DEST via GATEWAY dev DEVICE onlink</c>: a route whose next hop is
/// used on the device although no prefix there covers it, as routes via tunl0 need.
/// The device binds from a piped tunnel's Name.
/// </summary>
[Cmdlet(VerbsCommon.Add, "OnlinkRoute", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(RouteEntry))]
public sealed class AddOnlinkRouteCommand : PipedNamespaceCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [StrictPrefix]
    public IPNetwork Destination { get; set; }

    [Parameter(Position = 1)]
    [Alias("Via")]
    public IPAddress? Gateway { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "TunnelName")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string InterfaceName { get; set; } = string.Empty;

    /// <summary>Leave the onlink flag off: the kernel then checks the gateway is on the device's network.</summary>
    [Parameter]
    public SwitchParameter CheckGateway { get; set; }

    [Parameter]
    public uint? Metric { get; set; }

    [Parameter]
    public uint? Table { get; set; }

    [Parameter]
    public int? Mtu { get; set; }

    [Parameter]
    public SwitchParameter Replace { get; set; }

    protected override void ProcessItem()
    {
        RequireGiven(nameof(InterfaceName), "interface");
        var request = new OnlinkRouteRequest(Destination, InterfaceName)
        {
            Gateway = Gateway,
            CheckGateway = CheckGateway.IsPresent,
            Metric = Metric,
            Table = Table,
            Mtu = Mtu,
            Replace = Replace.IsPresent,
        };
        if (Approve(OnlinkRouteCommands.DescribeAdd(Target, request)))
        {
            WriteObject(OnlinkRouteCommands.Add(Target, request));
        }
    }
}
