using IpipTools.Core.Fixtures;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Scenarios;

/// <summary>
/// Scenario S1 (docs/SCENARIOS.md) up to, not including, the tunnels, as the core's one S1
/// builder (<see cref="IpipLabFixture"/>) makes it: ns1 and ns2, each joined by a veth to a
/// "router" namespace that stands in for the root namespace (which tests never touch),
/// forwarding on there, and a route each way. Proven by ping across, by ping failing once
/// the router stops forwarding, and by a teardown that leaves nothing behind.
/// </summary>
public sealed class S1WithoutTunnelsTests
{
    [Fact]
    public void NamespacesReachEachOtherThroughTheRouter()
    {
        using var s1 = IpipLabFixture.Create("s1");
        var (ns1, ns2) = (s1.LeftHost, s1.RightHost);

        var route = Assert.Single(RouteFacts.AllFromOracle(ns1.Name, RouteTable.Main, "10.10.20.0/24"));
        Assert.Equal(("10.10.10.1", "v1"), (route.Gateway, route.Device));
        Assert.True(ns1.Ping("10.10.20.2"), "ns1 cannot reach ns2 through the router");
        Assert.True(ns2.Ping("10.10.10.2"), "ns2 cannot reach ns1 through the router");

        Ipv4Forwarding.Set(s1.RouterHost.Target, false);

        Assert.False(Command.Ping(ns1.Name, "10.10.20.2", TimeSpan.FromSeconds(1)), "ns1 reached ns2 although the router does not forward");
        s1.Lab.TearDown();
    }
}
