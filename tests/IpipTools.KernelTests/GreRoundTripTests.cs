namespace IpipTools.KernelTests;

/// <summary>gre through IpipTools, checked with iproute2: create, read, delete (iproute2-made ones: Iproute2OracleTests).</summary>
public sealed class GreRoundTripTests
{
    [Fact]
    public void GreTunnelIsCreatedReadAndDeleted()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("gre");
        using var client = ns.Connect();
        TestNamespace.AddVethPair(client, "under", "underp", peerUp: false);

        var created = client.Tunnels.Create(Link.Of("gre1", new GreParameters
        {
            Local = IPAddress.Parse("10.1.1.1"),
            Remote = IPAddress.Parse("10.2.2.2"),
            Ttl = 10,
            Tos = 0x20,
            InputChecksum = true,
            OutputSequence = true,
        }.WithKey(42)) with
        { IsUp = true }, "under");

        var gre = Assert.IsType<GreParameters>(created.Parameters);
        Assert.Equal(42u, gre.InputKey);
        Assert.Equal(42u, gre.OutputKey);
        Assert.True(gre.InputChecksum);
        Assert.True(gre.OutputSequence);
        Assert.False(gre.OutputChecksum);
        // The outgoing header sizes the MTU: 1500 - 20 (IPv4) - 4 (GRE) - 4 (okey) - 4 (oseq).
        Assert.Equal(1468, created.Mtu);
        var oracle = TunnelFacts.Oracle(ns.Name, "gre1");
        Assert.Equal(oracle, TunnelFacts.From(created));
        Assert.Equal("ikey 42 okey 42 icsum,oseq", oracle.Gre);
        Assert.Equal("gre", IpOracle.Link(ns.Name, "gre1")!.Value.String("link_type"));

        client.Tunnels.Delete("gre1");

        Assert.Null(IpOracle.Link(ns.Name, "gre1"));
        Assert.True(client.Tunnels.Get("gre0").IsFallback);
    }
}
