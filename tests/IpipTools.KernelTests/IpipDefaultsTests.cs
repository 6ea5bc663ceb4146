namespace IpipTools.KernelTests;

/// <summary>What an ipip tunnel gets when nothing is said: the kernel's and iproute2's defaults.</summary>
public sealed class IpipDefaultsTests
{
    [Fact]
    public void PathMtuDiscoveryIsOnAndTtlInheritedByDefault()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("ipip");
        using var client = ns.Connect();

        var tunnel = client.Tunnels.Create(Link.Of("dflt", new IpipParameters { Remote = IPAddress.Parse("10.2.2.2") }));

        Assert.True(tunnel.PathMtuDiscovery);
        Assert.Equal(0, tunnel.Ttl);
        var oracle = IpOracle.Link(ns.Name, "dflt")!.Value.InfoData();
        Assert.True(oracle.GetProperty("pmtudisc").GetBoolean());
        Assert.Equal(0, oracle.Int("ttl"));
        Assert.Equal("ipip", oracle.String("proto"));
    }

    /// <summary>An ipip tunnel bound to an underlay is 20 bytes (the outer IPv4 header) smaller.</summary>
    [Theory]
    [InlineData(1500, 1480)]
    [InlineData(9000, 8980)]
    public void MtuIsTheUnderlayMinusTwenty(int underlayMtu, int expected)
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("ipip");
        using var client = ns.Connect();
        TestNamespace.AddVethPair(client, "under", "underp", underlayMtu, peerUp: false);

        var tunnel = client.Tunnels.Create(Link.Of("mtu0", new IpipParameters
        {
            Local = IPAddress.Parse("10.1.1.1"),
            Remote = IPAddress.Parse("10.2.2.2"),
        }), "under");

        Assert.Equal(expected, tunnel.Mtu);
        Assert.Equal(expected, IpOracle.Link(ns.Name, "mtu0")!.Value.Int("mtu"));
        Assert.Equal("under", tunnel.UnderlayDevice);
    }
}
