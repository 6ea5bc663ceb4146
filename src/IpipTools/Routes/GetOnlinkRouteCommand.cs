using System.Management.Automation;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Routes;

/// <summary>
/// The onlink routes of the main table (or -Table), every route with -All: the onlink form of
/// Get-IpRoute, one implementation (<see cref="RouteListCmdlet"/>).
/// </summary>
[Cmdlet(VerbsCommon.Get, "OnlinkRoute", DefaultParameterSetName = ByPropertySet)]
[OutputType(typeof(Route))]
public sealed class GetOnlinkRouteCommand : RouteListCmdlet
{
    /// <summary>Every route of the table, not only onlink ones.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    protected override bool Keeps(Route route) => (All.IsPresent || route.OnLink) && base.Keeps(route);
}
