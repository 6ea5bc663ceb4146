using System.Net;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Scenarios;

/// <summary>
/// Scenario S1 (docs/SCENARIOS.md) up to, not including, the tunnels, built through the
/// core API only: ns1 and ns2, each joined by a veth to a "router" namespace that
/// stands in for the root namespace (which tests never touch), forwarding on there,
/// and a route each way. Proven by ping across, and by ping failing once the
/// router stops forwarding.
/// </summary>
public sealed class S1WithoutTunnelsTests
{
    [Fact]
    public void NamespacesReachEachOtherThroughTheRouter()
    {
        using var ns1 = new TestNamespace("s1");
        using var ns2 = new TestNamespace("s1");
        using var router = new TestNamespace("s1");
        using (var r = router.Connect())
        {
            r.Links.Add(new LinkSpec("v1-P", new VethParameters("v1", ns1.Namespace)) { Up = true });
            r.Links.Add(new LinkSpec("v2-P", new VethParameters("v2", ns2.Namespace)) { Up = true });
            r.Addresses.Add(new AddressSpec("v1-P", IPAddress.Parse("10.10.10.1"), 24));
            r.Addresses.Add(new AddressSpec("v2-P", IPAddress.Parse("10.10.20.1"), 24));
        }

        Ipv4Forwarding.Set(router.Namespace, true);
        Host(ns1, "v1", "10.10.10.2", "10.10.20.0/24", "10.10.10.1");
        Host(ns2, "v2", "10.10.20.2", "10.10.10.0/24", "10.10.20.1");

        var route = Assert.Single(RouteFacts.AllFromOracle(ns1.Name, RouteTable.Main, "10.10.20.0/24"));
        Assert.Equal(("10.10.10.1", "v1"), (route.Gateway, route.Device));
        Assert.True(ns1.Ping("10.10.20.2"), "ns1 cannot reach ns2 through the router");
        Assert.True(ns2.Ping("10.10.10.2"), "ns2 cannot reach ns1 through the router");

        Ipv4Forwarding.Set(router.Namespace, false);

        Assert.False(ns1.Ping("10.10.20.2", TimeSpan.FromSeconds(1)), "ns1 reached ns2 although the router does not forward");
    }

    /// <summary>One end host: its veth up with an address, and a route to the other side via the router.</summary>
    private static void Host(TestNamespace ns, string device, string address, string otherSide, string router)
    {
        using var client = ns.Connect();
        client.Links.SetUp(device, true);
        client.Addresses.Add(new AddressSpec(device, IPAddress.Parse(address), 24));
        client.Routes.Add(new Route(IPNetwork.Parse(otherSide)) { Gateway = IPAddress.Parse(router) });
    }
}
