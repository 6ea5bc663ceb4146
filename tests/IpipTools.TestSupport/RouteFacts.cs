using System.Text.Json;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.TestSupport;

/// <summary>
/// What must agree between iproute2's view of a route (<c>ip -d -j route</c>) and
/// ours; see <see cref="LinkFacts"/>. Destinations are always written with their
/// prefix length, which iproute2 leaves off host routes.
/// </summary>
public sealed record RouteFacts(
    RouteType Type,
    string Destination,
    string? Gateway,
    string? Device,
    uint Table,
    byte Protocol,
    RouteScope Scope,
    uint Metric,
    string? PreferredSource,
    int? Mtu,
    RouteFlags Flags)
{
    /// <param name="tableWhenAbsent">The table iproute2 leaves unprinted: main, or the one filtered on.</param>
    public static RouteFacts FromOracle(JsonElement route, RouteTable tableWhenAbsent = RouteTable.Main)
    {
        var destination = route.String("dst")!;
        var ipv6 = destination.Contains(':');
        destination = destination == "default" ? (ipv6 ? "::/0" : "0.0.0.0/0")
            : destination.Contains('/') ? destination
            : $"{destination}/{(ipv6 ? 128 : 32)}";
        int? mtu = null;
        if (route.TryGetProperty("metrics", out var metrics))
        {
            foreach (var metric in metrics.EnumerateArray())
            {
                mtu = metric.Int("mtu") ?? mtu;
            }
        }

        return new RouteFacts(
            Enum.Parse<RouteType>(route.String("type") ?? "unicast", ignoreCase: true),
            destination,
            route.String("gateway"),
            route.String("dev"),
            route.String("table") is string table ? OracleNames.Table(table) : (uint)tableWhenAbsent,
            OracleNames.Protocol(route.String("protocol") ?? "boot"),
            OracleNames.Scope(route.String("scope") ?? "global"),
            (uint)(route.Int("metric") ?? 0),
            route.String("prefsrc"),
            mtu,
            route.Strings("flags").Aggregate(RouteFlags.None, (all, flag) => all | OracleNames.RouteFlag(flag)));
    }

    public static RouteFacts From(Route route) => new(
        route.Type,
        route.Destination.ToString(),
        route.Gateway?.ToString(),
        route.Device,
        (uint)route.Table,
        (byte)route.Protocol,
        route.EffectiveScope,
        route.Metric,
        route.PreferredSource?.ToString(),
        route.Mtu,
        route.Flags);

    /// <summary>`ip -d -j route show SELECTOR...` reduced to facts, sorted.</summary>
    public static IReadOnlyList<RouteFacts> AllFromOracle(string? netns, RouteTable tableWhenAbsent, params string[] selector) =>
        Sorted(IpOracle.Routes(netns, selector).EnumerateArray().Select(r => FromOracle(r, tableWhenAbsent)));

    public static IReadOnlyList<RouteFacts> AllFrom(IEnumerable<Route> routes) => Sorted(routes.Select(From));

    private static IReadOnlyList<RouteFacts> Sorted(IEnumerable<RouteFacts> facts) =>
        facts.OrderBy(f => f.ToString(), StringComparer.Ordinal).ToList();
}
