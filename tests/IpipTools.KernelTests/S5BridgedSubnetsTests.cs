namespace IpipTools.KernelTests;

/// <summary>
/// S5 (docs/SCENARIOS.md): A and B on one segment, each with a bridge subnet (10.42.N.0/24),
/// a point-to-point ipip tunnel between them and a route for the other subnet via the
/// tunnel device.
/// </summary>
public sealed class S5BridgedSubnetsTests
{
    [Fact]
    public void BridgeSubnetsReachEachOtherThroughTheTunnel()
    {
        KernelTestEnvironment.RequireKernel();
        using var lab = new Lab("s5");
        var a = lab.Host("A");
        var b = lab.Host("B");
        lab.Wire(a, "eth0", "172.16.232.172/24", b, "eth0", "172.16.232.194/24");
        foreach (var (node, subnet, peer, local, remote) in new[]
                 {
                     (a, 1, 2, "172.16.232.172", "172.16.232.194"),
                     (b, 2, 1, "172.16.232.194", "172.16.232.172"),
                 })
        {
            node.Client.Links.Add(Link.Of("mybr0", new BridgeParameters()) with { IsUp = true });
            node.AddAddress("mybr0", $"10.42.{subnet}.1/24");
            node.AddIpipTunnel("tunl-ab", local, remote);
            node.AddRoute($"10.42.{peer}.0/24", null, "tunl-ab");
        }

        // From A's subnet to B's, so that both directions go through the tunnel.
        Assert.True(a.Ping("10.42.2.1", source: "10.42.1.1"), "ping 10.42.2.1 from A was not answered");

        var route = Assert.Single(IpOracle.Routes(a.Name, "10.42.2.0/24").EnumerateArray());
        Assert.Equal("tunl-ab", route.String("dev"));
        foreach (var node in new[] { a, b })
        {
            var statistics = node.Client.Tunnels.Get("tunl-ab").Statistics;
            Assert.True(statistics.TransmittedPackets >= 1 && statistics.ReceivedPackets >= 1, $"{node}: the echo did not cross tunl-ab ({statistics})");
        }

        lab.TearDown();
    }
}
