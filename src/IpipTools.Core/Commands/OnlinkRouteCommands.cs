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

    /// <summary>
    /// Adds (or replaces) the route and returns it as the kernel made it: the kernel echoes
    /// the new route, so a call is the device lookup and the RTM_NEWROUTE. Where it echoes
    /// nothing, one read asks for the route's own family, table and device. If that still
    /// fails after an add, the route is deleted again: an error must not leave the change behind.
    /// </summary>
    public static RouteEntry Add(NetNamespace target, OnlinkRouteRequest request)
    {
        var spec = request.ToSpec();
        using var client = RtnetlinkClient.Open(target);
        if (request.Replace)
        {
            return FirstOf(client.Routes.ReplaceEchoed(spec), spec) ?? ReadBack(client, spec);
        }

        var echoed = FirstOf(client.Routes.AddEchoed(spec), spec);
        if (echoed is not null)
        {
            return echoed;
        }

        try
        {
            return ReadBack(client, spec);
        }
        catch
        {
            client.Routes.TryDelete(spec);
            throw;
        }
    }

    private static RouteEntry ReadBack(RtnetlinkClient client, RouteSpec spec) =>
        FirstOf(client.Routes.List(new RouteQuery { Table = spec.Table, Device = spec.Device, Family = AddressFamilies.Of(spec.Destination.BaseAddress) }), spec)
            ?? throw new IpipToolsException($"The kernel accepted the route {spec} but does not list it.", "RouteVanished",
                IpipErrorCategory.InvalidOperation, "Check whether something removed it at once.", spec.ToString());

    /// <summary>The route <paramref name="spec"/> made, among routes of its table and device.</summary>
    private static RouteEntry? FirstOf(IEnumerable<RouteEntry> routes, RouteSpec spec) =>
        routes.FirstOrDefault(r => r.Destination.Equals(spec.Destination) && Equals(r.Gateway, spec.Gateway) && r.Table == spec.Table && r.Device == spec.Device);

    /// <summary>
    /// The IPv4 and IPv6 routes of the main table (or <paramref name="table"/>): by default
    /// only onlink ones, with <paramref name="all"/> every route <c>ip route</c> and
    /// <c>ip -6 route</c> show.
    /// </summary>
    public static IReadOnlyList<RouteEntry> Get(NetNamespace target, string? device = null, IPNetwork? destination = null, bool all = false, uint? table = null)
    {
        using var client = RtnetlinkClient.Open(target);
        var query = new RouteQuery { Table = (RouteTable?)table ?? RouteTable.Main, Device = device };
        return new[] { AddressFamilies.Inet, AddressFamilies.Inet6 }
            .SelectMany(family => client.Routes.List(query with { Family = family }))
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
