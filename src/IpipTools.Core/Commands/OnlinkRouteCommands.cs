using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Model;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.Commands;

/// <summary>The route cmdlets' operations (Add/Get/Remove-OnlinkRoute).</summary>
public static class OnlinkRouteCommands
{
    public static ChangeDescription DescribeAdd(NetNamespace target, OnlinkRouteRequest request) =>
        new($"route {request.Destination} {ChangeDescription.Where(target)}", $"{(request.Replace ? "Replace" : "Add")} route {request.ToSpec()}");

    /// <summary>Adds (or replaces) the route and returns it as the kernel now lists it.</summary>
    public static RouteEntry Add(NetNamespace target, OnlinkRouteRequest request)
    {
        var spec = request.ToSpec();
        using var client = RtnetlinkClient.Open(target);
        if (request.Replace)
        {
            client.Routes.Replace(spec);
        }
        else
        {
            client.Routes.Add(spec);
        }

        return client.Routes.List(new RouteQuery { Table = spec.Table, Device = spec.Device })
            .FirstOrDefault(r => r.Destination.Equals(spec.Destination))
            ?? throw new IpipToolsException($"The kernel accepted the route {spec} but does not list it.", "RouteVanished",
                IpipErrorCategory.InvalidOperation, "Check whether something removed it at once.", spec);
    }

    /// <summary>
    /// The routes of the main table (or <paramref name="table"/>): by default only onlink
    /// ones, with <paramref name="all"/> every route <c>ip route</c> shows.
    /// </summary>
    public static IReadOnlyList<RouteEntry> Get(NetNamespace target, string? device = null, IPNetwork? destination = null, bool all = false, uint? table = null)
    {
        using var client = RtnetlinkClient.Open(target);
        return client.Routes.List(new RouteQuery { Table = (RouteTable?)table ?? RouteTable.Main, Device = device })
            .Where(r => (all || r.OnLink) && (destination is null || r.Destination.Equals(destination.Value)))
            .ToList();
    }

    /// <summary>
    /// What Remove-OnlinkRoute deletes. As with <c>ip route del</c>, a gateway or device
    /// narrows the match and everything else is a wildcard: protocol 0 and scope
    /// "nowhere" tell the kernel to match any protocol and scope.
    /// </summary>
    public static RouteSpec RemovalSpec(IPNetwork destination, IPAddress? gateway, string? device, uint? table) =>
        new(destination)
        {
            Gateway = gateway,
            Device = device,
            Table = (RouteTable?)table ?? RouteTable.Main,
            Protocol = RouteProtocol.Unspecified,
            Scope = RouteScope.Nowhere,
        };

    public static ChangeDescription DescribeRemove(NetNamespace target, RouteSpec spec) =>
        new($"route {spec.Destination} {ChangeDescription.Where(target)}",
            $"Remove route {spec.Destination}{(spec.Gateway is null ? string.Empty : $" via {spec.Gateway}")}{(spec.Device is null ? string.Empty : $" dev {spec.Device}")}{(spec.Table == RouteTable.Main ? string.Empty : $" table {spec.Table.ToIpString()}")}");

    public static void Remove(NetNamespace target, RouteSpec spec)
    {
        using var client = RtnetlinkClient.Open(target);
        client.Routes.Delete(spec);
    }
}
