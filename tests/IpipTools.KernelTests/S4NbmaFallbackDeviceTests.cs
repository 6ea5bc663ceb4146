using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.KernelTests;

/// <summary>
/// S4 (docs/SCENARIOS.md): three hosts on one underlay segment (a bridge in a switch
/// namespace) reach each other's loopback addresses through tunl0 alone, with onlink
/// routes whose next hop becomes the outer destination. Also the two refusals the
/// document runs into: a route without onlink, and a tunnel with no parameters.
/// </summary>
public sealed class S4NbmaFallbackDeviceTests
{
    private static readonly (string Role, string Loopback, string Underlay)[] Hosts =
    {
        ("host1", "11.1.1.1", "192.168.122.11"),
        ("host2", "12.1.1.1", "192.168.122.12"),
        ("host3", "13.1.1.1", "192.168.122.13"),
    };

    [Fact]
    public void LoopbacksTalkThroughTunl0WithOnlinkRoutes()
    {
        KernelTestEnvironment.RequireKernel();
        using var lab = new Lab("s4");
        var segment = lab.Switch("segment", "br0");
        var nodes = Hosts.Select(h => lab.Host(h.Role)).ToList();
        for (var i = 0; i < Hosts.Length; i++)
        {
            lab.Plug(nodes[i], "eth0", Hosts[i].Underlay + "/24", segment, "br0", $"port{i + 1}");
            nodes[i].AddAddress("lo", Hosts[i].Loopback + "/32");
            nodes[i].SetUp("tunl0");
        }

        // The document's first try: without onlink the kernel finds 192.168.122.12 on eth0, not tunl0.
        var refused = Assert.Throws<NetlinkException>(() => nodes[0].AddRoute(Hosts[1].Loopback, Hosts[1].Underlay, "tunl0"));
        ExpectedErrors.AssertOnlinkMissing(refused);

        for (var i = 0; i < Hosts.Length; i++)
        {
            for (var j = 0; j < Hosts.Length; j++)
            {
                if (i != j)
                {
                    nodes[i].AddRoute(Hosts[j].Loopback, Hosts[j].Underlay, "tunl0", onLink: true);
                }
            }
        }

        PcapFile capture;
        using (var onUnderlay = nodes[0].Capture("eth0", "ip proto 4", 2))
        {
            Assert.True(nodes[0].Ping("12.1.1.1", source: "11.1.1.1"), "ping 12.1.1.1 -I 11.1.1.1 from host1 was not answered");
            capture = onUnderlay.Stop(TimeSpan.FromSeconds(5));
        }

        Assert.True(nodes[0].Ping("13.1.1.1", source: "11.1.1.1"), "ping 13.1.1.1 -I 11.1.1.1 from host1 was not answered");
        // The onlink next hop is the outer destination.
        CaptureAssertions.AssertIpipEchoExchange(capture, "192.168.122.11", "192.168.122.12", "11.1.1.1", "12.1.1.1");

        // "ip link add ipipx type ipip": tunl0 already holds the empty parameter set.
        var taken = Assert.Throws<NetlinkException>(() => nodes[0].Client.Tunnels.Create(Link.Of("ipipx", new IpipParameters())));
        ExpectedErrors.AssertEmptyParameterSetTaken(taken);
        Assert.Null(IpOracle.Link(nodes[0].Name, "ipipx"));

        lab.TearDown();
    }
}
