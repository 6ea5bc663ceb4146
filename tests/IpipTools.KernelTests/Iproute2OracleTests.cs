namespace IpipTools.KernelTests;

/// <summary>
/// iproute2 as the independent judge, both ways: a tunnel IpipTools makes reads right in
/// `ip -d -j link show`, and tunnels `ip tunnel add` / `ip link add` make read the same
/// through IpipTools as through iproute2.
/// </summary>
public sealed class Iproute2OracleTests
{
    [Fact]
    public void TunnelMadeByIpipToolsReadsRightInIproute2()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("oracle");
        using var client = ns.Connect();
        TestNamespace.AddVethPair(client, "under", "underp", peerUp: false);

        client.Tunnels.Create(Link.Of("tunl", new IpipParameters
        {
            Local = IPAddress.Parse("10.10.10.2"),
            Remote = IPAddress.Parse("10.10.20.2"),
            Ttl = 64,
            Tos = 0x10,
        }) with
        { IsUp = true }, "under");

        var link = IpOracle.Link(ns.Name, "tunl")!.Value;
        Assert.Equal("ipip", link.InfoKind());
        var data = link.InfoData();
        Assert.Equal("10.10.20.2", data.String("remote"));
        Assert.Equal("10.10.10.2", data.String("local"));
        Assert.Equal(64, data.Int("ttl"));
        Assert.Equal("0x10", data.String("tos"));
        Assert.True(data.GetProperty("pmtudisc").GetBoolean());
        Assert.Equal("under", data.String("link"));
        Assert.Equal(1480, link.Int("mtu"));
        Assert.Equal(new[] { "POINTOPOINT", "NOARP", "UP", "LOWER_UP" }, link.Strings("flags"));
        Assert.Equal("10.10.10.2", link.String("address"));
        Assert.Equal("10.10.20.2", link.String("broadcast"));
    }

    /// <summary>Each line is the iproute2 command that makes tunnel "subject" (an underlay "under" exists); not "t", which iproute2 takes for "txqueuelen".</summary>
    [Theory]
    [InlineData("tunnel add subject mode ipip remote 10.0.0.2 local 10.0.0.1 ttl 64 tos 0x10 dev under")]
    [InlineData("tunnel add subject mode ipip remote 10.0.0.2 local 10.0.0.1 nopmtudisc tos inherit")]
    [InlineData("tunnel add subject mode ipip local 10.0.0.1")]
    [InlineData("link add subject type ipip remote 10.0.0.3 mode any fwmark 0x42 encap fou encap-sport auto encap-dport 5555")]
    [InlineData("tunnel add subject mode gre remote 10.0.0.2 local 10.0.0.1 ikey 7 okey 8 ttl 30 dev under")]
    [InlineData("tunnel add subject mode sit remote 10.0.0.2 local 10.0.0.1 ttl 64")]
    public void TunnelMadeByIproute2ReadsTheSameThroughIpipTools(string command)
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("oracle");
        using var client = ns.Connect();
        TestNamespace.AddVethPair(client, "under", "underp", peerUp: false);
        ns.Ip(command.Split(' ')).EnsureSuccess(command);
        ns.Ip("link", "set", "subject", "up").EnsureSuccess("ip link set subject up");

        var tunnel = client.Tunnels.Get("subject");

        Assert.Equal(TunnelFacts.Oracle(ns.Name, "subject"), TunnelFacts.From(tunnel));
        Assert.IsNotType<UnknownKindParameters>(tunnel.Parameters);
        Assert.False(tunnel.IsFallback);
    }
}
