namespace IpipTools.KernelTests;

/// <summary>sit (IPv6 in IPv4, ISATAP, 6rd) through IpipTools, checked with iproute2 (iproute2-made ones: Iproute2OracleTests).</summary>
public sealed class SitRoundTripTests
{
    [Fact]
    public void PointToPointSitTunnelIsCreatedReadAndDeleted()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("sit");
        using var client = ns.Connect();

        var created = client.Tunnels.Create(Link.Of("sit1", new SitParameters
        {
            Local = IPAddress.Parse("10.1.1.1"),
            Remote = IPAddress.Parse("10.2.2.2"),
            Ttl = 20,
            SixRdPrefix = IPNetwork.Parse("2001:db8::/32"),
        }) with
        { IsUp = true });

        var sit = Assert.IsType<SitParameters>(created.Parameters);
        Assert.Equal(SitParameters.ProtocolIpv6, sit.Protocol);
        Assert.Equal(IPNetwork.Parse("2001:db8::/32"), sit.SixRdPrefix);
        var oracle = TunnelFacts.Oracle(ns.Name, "sit1");
        Assert.Equal(oracle, TunnelFacts.From(created));
        Assert.Equal(41, oracle.Protocol);
        Assert.Equal(" 6rd 2001:db8::/32 relay none", oracle.Sit);

        client.Tunnels.Delete("sit1");

        Assert.Null(IpOracle.Link(ns.Name, "sit1"));
        Assert.True(client.Tunnels.Get("sit0").IsFallback);
    }

    [Fact]
    public void IsatapSitTunnelIsCreatedReadAndDeleted()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("sit");
        using var client = ns.Connect();

        var created = client.Tunnels.Create(Link.Of("isatap1", new SitParameters
        {
            Local = IPAddress.Parse("10.1.1.1"),
            Isatap = true,
        }));

        Assert.True(Assert.IsType<SitParameters>(created.Parameters).Isatap);
        var oracle = TunnelFacts.Oracle(ns.Name, "isatap1");
        Assert.Equal(oracle, TunnelFacts.From(created));
        Assert.StartsWith("isatap ", oracle.Sit);

        client.Tunnels.Delete("isatap1");
        Assert.Null(IpOracle.Link(ns.Name, "isatap1"));
    }
}
