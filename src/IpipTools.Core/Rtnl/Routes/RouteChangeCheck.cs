using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Rtnl.Routes;

/// <summary>
/// What the kernel would refuse of route changes that are not sent: what -WhatIf and -Confirm
/// check before they speak, so that they are refused as the real run would be, in the same
/// words (<see cref="RouteErrors"/>). It reads the routes of each family and table once, and
/// keeps that picture up to date with the changes it lets through, so that adding one route
/// twice in a pipeline is refused the second time, as the kernel would refuse it. A real
/// run needs none of this: its batch learns the refusals from the kernel's answers.
/// </summary>
public sealed class RouteChangeCheck
{
    private readonly RtnetlinkClient _client;
    private readonly RouteChange _change;
    private readonly DeviceIndexCache _devices;
    private readonly Dictionary<(byte Family, RouteTable Table), List<Route>> _listed = new();

    internal RouteChangeCheck(RtnetlinkClient client, RouteChange change)
    {
        _client = client;
        _change = change;
        _devices = new DeviceIndexCache(client);
    }

    /// <summary>
    /// Throws what sending <paramref name="route"/> in a <see cref="RouteBatch"/> of this change
    /// would be refused with, as far as the routes listed tell: an invalid route, a device that
    /// does not exist, a route already there (add), no route the removal matches (delete).
    /// </summary>
    public void Check(Route route)
    {
        if (_change != RouteChange.Delete)
        {
            RouteEncoder.Validate(route);
        }

        _devices.IndexOf(route.Device);
        var verb = RouteBatch.VerbOf(_change);
        var routes = Listed(route);
        switch (_change)
        {
            case RouteChange.Add when routes.Any(listed => Collides(listed, route)):
                throw RouteErrors.Explain(NetlinkException.Foreseen(RouteBatch.Operation(verb, route, _client), Errno.EEXIST), route, verb);
            case RouteChange.Add:
                routes.Add(route with { Metric = EffectiveMetric(route) });
                break;
            case RouteChange.Delete:
                var deleted = routes.FindIndex(listed => IsDeletedBy(listed, route));
                if (deleted < 0)
                {
                    throw RouteErrors.Explain(NetlinkException.Foreseen(RouteBatch.Operation(verb, route, _client), Errno.ESRCH), route, verb);
                }

                routes.RemoveAt(deleted);
                break;
        }
    }

    /// <summary>The routes of <paramref name="route"/>'s family and table, read on first use.</summary>
    private List<Route> Listed(Route route)
    {
        var key = (AddressFamilies.Of(route.Destination.BaseAddress), route.Table);
        if (!_listed.TryGetValue(key, out var routes))
        {
            routes = _client.Routes.List(new RouteQuery { Family = key.Item1, Table = key.Table }).ToList();
            _listed[key] = routes;
        }

        return routes;
    }

    /// <summary>
    /// Whether an exclusive add of <paramref name="added"/> is refused because of
    /// <paramref name="listed"/>: the kernel tells routes apart by table, destination, TOS and
    /// metric (<see cref="Route.Key"/>), whatever their gateway, device or type.
    /// </summary>
    private static bool Collides(Route listed, Route added) =>
        listed.Table == added.Table && listed.Destination.Equals(added.Destination) && listed.Metric == EffectiveMetric(added);

    /// <summary>
    /// Whether a deletion <paramref name="removal"/> deletes <paramref name="listed"/>: what it
    /// names must match, and what it leaves out matches anything (<see cref="Route.Removal"/>), as
    /// fib_table_delete and ip6_route_del match.
    /// </summary>
    private static bool IsDeletedBy(Route listed, Route removal) =>
        listed.Table == removal.Table && listed.Destination.Equals(removal.Destination)
        && (removal.Metric == 0 || listed.Metric == EffectiveMetric(removal))
        && (removal.Type == RouteType.Unspecified || listed.Type == removal.Type)
        && (removal.Device is null || listed.Device == removal.Device)
        && (removal.Gateway is null || removal.Gateway.Equals(listed.Gateway))
        && (removal.Protocol == RouteProtocol.Unspecified || listed.Protocol == removal.Protocol)
        && (removal.Scope is null or RouteScope.Nowhere || listed.Scope == removal.Scope);

    /// <summary>The metric the kernel gives a route: IPv6 makes 0 into 1024 (IP6_RT_PRIO_USER), IPv4 keeps it.</summary>
    private static uint EffectiveMetric(Route route) =>
        route.Metric == 0 && AddressFamilies.Of(route.Destination.BaseAddress) != AddressFamilies.Inet ? Ipv6UserPriority : route.Metric;

    private const uint Ipv6UserPriority = 1024;
}
