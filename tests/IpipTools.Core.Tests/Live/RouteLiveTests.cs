using System.Net;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

/// <summary>
/// Routes with every attribute IpipTools sets (gateway, onlink outside the
/// device's subnet, metric, table, protocol, scope, source, mtu), replaced and
/// deleted; compared with `ip -d -j route` both ways, and printed like `ip route`.
/// </summary>
public sealed class RouteLiveTests
{
    [Fact]
    public void OnlinkGatewayOutsideTheDevicesSubnetIsInstalledAsIproute2ShowsIt()
    {
        using var lab = VethNamespace.Create("route");
        var (ns, client) = (lab.Namespace, lab.Client);

        client.Routes.Add(new Route(IPNetwork.Parse("10.9.0.0/24")) { Gateway = IPAddress.Parse("192.0.2.1"), Device = "va", OnLink = true });

        var oracle = Assert.Single(RouteFacts.AllFromOracle(ns.Name, RouteTable.Main, "10.9.0.0/24"));
        Assert.Equal(RouteFlags.OnLink, oracle.Flags);
        Assert.Equal("192.0.2.1", oracle.Gateway);
        var ours = client.Routes.List().Single(r => r.Destination.ToString() == "10.9.0.0/24");
        Assert.True(ours.OnLink);
        Assert.Equal(oracle, RouteFacts.From(ours));
    }

    [Fact]
    public void EveryAttributeReplaceAndDeleteAsIproute2SeesIt()
    {
        using var lab = VethNamespace.Create("route");
        var (ns, client) = (lab.Namespace, lab.Client);
        var specs = new[]
        {
            new Route(IPNetwork.Parse("10.5.0.0/24")) { Gateway = IPAddress.Parse("10.1.0.254"), Device = "va", Metric = 50, Protocol = RouteProtocol.Static },
            new Route(IPNetwork.Parse("10.6.0.0/24")) { Device = "va", Table = (RouteTable)100, Protocol = RouteProtocol.IpipTools, Scope = RouteScope.Link },
            new Route(IPNetwork.Parse("10.7.0.0/24")) { Device = "va", Table = (RouteTable)1000, PreferredSource = IPAddress.Parse("10.1.0.1"), Mtu = 1300 },
            new Route(IPNetwork.Parse("10.8.0.0/16")) { Gateway = IPAddress.Parse("198.51.100.7"), Device = "va", OnLink = true, Metric = 5, Mtu = 1400, Protocol = RouteProtocol.IpipTools },
            new Route(IPNetwork.Parse("0.0.0.0/0")) { Gateway = IPAddress.Parse("10.1.0.254") },
            new Route(IPNetwork.Parse("10.11.0.1/32")) { Device = "va", Scope = RouteScope.Host, Table = (RouteTable)100 },
        };
        foreach (var spec in specs)
        {
            client.Routes.Add(spec);
        }

        AssertSameAsIproute2(ns, client);

        client.Routes.Replace(specs[0] with { Gateway = IPAddress.Parse("10.1.0.253") });
        client.Routes.Replace(specs[3] with { Mtu = 1280 });

        Assert.Equal("10.1.0.253", Assert.Single(RouteFacts.AllFromOracle(ns.Name, RouteTable.Main, "10.5.0.0/24")).Gateway);
        Assert.Equal(1280, Assert.Single(RouteFacts.AllFromOracle(ns.Name, RouteTable.Main, "10.8.0.0/16")).Mtu);
        AssertSameAsIproute2(ns, client);

        client.Routes.Delete(specs[1]);
        client.Routes.Delete(specs[4]);

        Assert.Empty(RouteFacts.AllFromOracle(ns.Name, (RouteTable)100, "table", "100", "10.6.0.0/24"));
        Assert.Empty(RouteFacts.AllFromOracle(ns.Name, RouteTable.Main, "default"));
        AssertSameAsIproute2(ns, client);
    }

    [Fact]
    public void Iproute2sAsWeReadIt()
    {
        using var lab = VethNamespace.Create("route");
        var (ns, client) = (lab.Namespace, lab.Client);
        ns.Ip("route", "add", "10.5.0.0/24", "via", "10.1.0.254", "dev", "va", "metric", "7", "proto", "static", "table", "100").EnsureSuccess("ip route add");
        ns.Ip("route", "add", "blackhole", "10.6.0.0/24").EnsureSuccess("ip route add blackhole");
        ns.Ip("route", "add", "10.7.0.0/24", "dev", "va", "scope", "link", "src", "10.1.0.1", "mtu", "1300").EnsureSuccess("ip route add mtu");
        ns.Ip("route", "add", "10.8.0.0/24", "via", "203.0.113.9", "dev", "va", "onlink", "proto", "73").EnsureSuccess("ip route add onlink");
        ns.Ip("route", "add", "unreachable", "10.9.0.0/24", "table", "2000").EnsureSuccess("ip route add unreachable");

        AssertSameAsIproute2(ns, client);
        var onlink = client.Routes.List().Single(r => r.Destination.ToString() == "10.8.0.0/24");
        Assert.True(onlink.OnLink && onlink.IsOwnedByIpipTools);
    }

    [Fact]
    public void MainTableRoutesPrintLikeIpRoute()
    {
        using var lab = VethNamespace.Create("route");
        var (ns, client) = (lab.Namespace, lab.Client);
        client.Addresses.Add(new AddressSpec("vb", IPAddress.Parse("10.10.100.10"), Peer: IPAddress.Parse("10.10.200.10")));
        client.Routes.Add(new Route(IPNetwork.Parse("10.9.0.0/24")) { Gateway = IPAddress.Parse("192.0.2.1"), Device = "va", OnLink = true, Protocol = RouteProtocol.IpipTools, Metric = 100, Mtu = 1400 });
        client.Routes.Add(new Route(IPNetwork.Parse("0.0.0.0/0")) { Gateway = IPAddress.Parse("10.1.0.254") });
        client.Routes.Add(new Route(IPNetwork.Parse("10.7.0.0/24")) { Device = "va", PreferredSource = IPAddress.Parse("10.1.0.1") });

        var ipText = ns.Ip("route", "show").EnsureSuccess("ip route show").Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order();

        Assert.Equal(ipText, client.Routes.List().Select(r => r.ToString()).Order());
    }

    /// <summary>Every IPv4 route of every table, ours against iproute2's.</summary>
    private static void AssertSameAsIproute2(TestNamespace ns, RtnetlinkClient client)
    {
        var oracle = RouteFacts.AllFromOracle(ns.Name, RouteTable.Main, "table", "all").Where(r => !r.Destination.Contains(':')).ToList();
        var ours = RouteFacts.AllFrom(client.Routes.List(new RouteQuery { Table = null }));

        Assert.Equal(oracle, ours);
    }
}
