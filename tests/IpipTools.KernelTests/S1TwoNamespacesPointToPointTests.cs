using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.KernelTests;

/// <summary>
/// S1 (docs/SCENARIOS.md): ns1 and ns2 behind a router, a point-to-point ipip tunnel between
/// them with peer addresses. The documents' root namespace is a router namespace here.
/// </summary>
public sealed class S1TwoNamespacesPointToPointTests
{
    [Fact]
    public void PingCrossesTheTunnelAndTheKernelShowsWhatTheDocumentSays()
    {
        KernelTestEnvironment.RequireKernel();
        using var lab = new LabBuilder("s1");
        var ns1 = lab.Host("ns1");
        var ns2 = lab.Host("ns2");
        var root = lab.Router("root");
        lab.Wire(ns1, "v1", "10.10.10.2/24", root, "v1-P", "10.10.10.1/24");
        lab.Wire(ns2, "v2", "10.10.20.2/24", root, "v2-P", "10.10.20.1/24");
        ns1.AddRoute("10.10.20.0/24", "10.10.10.1");
        ns2.AddRoute("10.10.10.0/24", "10.10.20.1");

        var tunl = ns1.AddIpipTunnel("tunl", "10.10.10.2", "10.10.20.2", "10.10.100.10", "10.10.200.10");
        ns2.AddIpipTunnel("tunr", "10.10.20.2", "10.10.10.2", "10.10.200.10", "10.10.100.10");

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

        lab.TearDown();
    }
}
