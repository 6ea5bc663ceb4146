using System.Management.Automation;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Routes;

/// <summary>
/// <c>ip route show [dev D] [table T] [proto P] [type T]</c> and its IPv6 form: every route of
/// the main table (or -Table), of any type and protocol unless narrowed. Get-OnlinkRoute is
/// its onlink form (<see cref="RouteListCmdlet"/>). The protocol is filtered by the kernel.
/// </summary>
[Cmdlet(VerbsCommon.Get, "IpRoute", DefaultParameterSetName = ByPropertySet)]
[OutputType(typeof(Route))]
public sealed class GetIpRouteCommand : RouteListCmdlet
{
    /// <summary>Only routes installed by this protocol, by name (static, kernel, IpipTools ...) or number.</summary>
    [Parameter]
    [RouteProtocolName]
    public RouteProtocol? Protocol { get; set; }

    /// <summary>Only routes of this type (Unicast, Blackhole, Unreachable, ...).</summary>
    [Parameter]
    public RouteType? Type { get; set; }

    protected override RouteQuery Query(byte family) => base.Query(family) with { Protocol = Protocol };

    protected override bool Keeps(Route route) => (Type is null || route.Type == Type) && base.Keeps(route);
}
