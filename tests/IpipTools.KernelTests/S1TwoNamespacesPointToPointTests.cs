using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.KernelTests;

/// <summary>
/// S1 (docs/SCENARIOS.md): ns1 and ns2 behind a router, a point-to-point ipip tunnel between
/// them with peer addresses, as the core's one S1 builder (<see cref="IpipLabFixture"/>, also
/// behind New-IpipLabFixture) makes it. The documents' root namespace is a router namespace here.
/// </summary>
public sealed class S1TwoNamespacesPointToPointTests
{
    [Fact]
    public void PingCrossesTheTunnelAndTheKernelShowsWhatTheDocumentSays()
    {
        KernelTestEnvironment.RequireKernel();
        using var s1 = IpipLabFixture.Create("s1", withTunnels: true);
        var (ns1, ns2) = (s1.LeftHost, s1.RightHost);
        var tunl = ns1.Client.Tunnels.Get("tunl");

        Assert.True(ns1.Ping("10.10.200.10"), "ping 10.10.200.10 from ns1 was not answered");

        // "10.10.200.10 dev tunl scope link", made by the kernel for the peer address.
        var route = Assert.Single(RouteFacts.AllFromOracle(ns1.Name, RouteTable.Main, "10.10.200.10"));
        Assert.Equal(("10.10.200.10/32", "tunl", RouteScope.Link, (byte)RouteProtocol.Kernel), (route.Destination, route.Device, route.Scope, route.Protocol));
        Assert.Contains(route, RouteFacts.AllFrom(ns1.Client.Routes.List()));

        // "link/ipip 10.10.10.2 peer 10.10.20.2", POINTOPOINT,NOARP,UP,LOWER_UP, mtu 1480.
        var link = IpOracle.Link(ns1.Name, "tunl")!.Value;
        Assert.Equal(("ipip", "10.10.10.2", "10.10.20.2"), (link.String("link_type"), link.String("address"), link.String("broadcast")));
        Assert.Equal(new[] { "POINTOPOINT", "NOARP", "UP", "LOWER_UP" }, link.Strings("flags"));
        Assert.Equal(1480, link.Int("mtu"));
        Assert.Equal(1480, tunl.Mtu);

        // Each namespace also has the fallback device: tunl0, down, link/ipip 0.0.0.0.
        foreach (var node in new[] { ns1, ns2 })
        {
            var fallback = IpOracle.Link(node.Name, "tunl0")!.Value;
            Assert.Equal("0.0.0.0", fallback.String("address"));
            Assert.DoesNotContain("UP", fallback.Strings("flags"));
            Assert.True(node.Client.Tunnels.Get("tunl0").IsFallback);
        }

        s1.Lab.TearDown();
    }
}
