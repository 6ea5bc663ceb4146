using System.Management.Automation;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Infrastructure;

namespace IpipTools.Routes;

/// <summary>
/// <c>ip route del [TYPE] DEST [via GATEWAY] [dev DEVICE] [table T] [metric M]</c>: any
/// route. Beyond Remove-OnlinkRoute (one implementation, <see cref="RouteRemoveCmdlet"/>),
/// a metric and a type narrow the match, and both bind by property name, so
/// <c>Get-IpRoute | Remove-IpRoute</c> removes exactly the routes listed, even where two
/// routes to one destination differ only in metric.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "IpRoute", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveIpRouteCommand : RouteRemoveCmdlet
{
    /// <summary>Left out: any metric (the first route to the destination the kernel finds).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("RouteMetric")]
    [BlankIsUnset]
    public uint? Metric { get; set; }

    /// <summary>Left out: any type.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public RouteType? Type { get; set; }

    protected override Route Narrowed(Route removal) =>
        removal with { Metric = Metric ?? 0, Type = Type ?? RouteType.Unspecified };
}
