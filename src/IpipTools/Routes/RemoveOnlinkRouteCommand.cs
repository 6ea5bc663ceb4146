using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Commands;
using IpipTools.Infrastructure;

namespace IpipTools.Routes;

/// <summary><c>ip route del DEST [via GATEWAY] [dev DEVICE]</c>; routes from Get-OnlinkRoute bind whole.</summary>
[Cmdlet(VerbsCommon.Remove, "OnlinkRoute", DefaultParameterSetName = ByPropertySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveOnlinkRouteCommand : PipedNamespaceCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [StrictPrefix]
    public IPNetwork Destination { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Via")]
    public IPAddress? Gateway { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "TunnelName")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string? InterfaceName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public uint? Table { get; set; }

    protected override void ProcessItem()
    {
        var spec = OnlinkRouteCommands.RemovalSpec(Destination, Gateway, InterfaceName, Table);
        if (Approve(OnlinkRouteCommands.DescribeRemove(Target, spec)))
        {
            OnlinkRouteCommands.Remove(Target, spec);
        }
    }
}
