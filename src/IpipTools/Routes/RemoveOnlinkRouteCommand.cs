using System.Management.Automation;

namespace IpipTools.Routes;

/// <summary>
/// <c>ip route del DEST [via GATEWAY] [dev DEVICE]</c>, the onlink form of Remove-IpRoute:
/// the same implementation (<see cref="RouteRemoveCmdlet"/>), under the name that pairs with
/// Add-OnlinkRoute and Get-OnlinkRoute. A route piped in must be onlink: another is refused,
/// with Remove-IpRoute named, rather than removed under this name.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "OnlinkRoute", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveOnlinkRouteCommand : RouteRemoveCmdlet
{
    protected override bool RemovesOnlinkOnly => true;
}
