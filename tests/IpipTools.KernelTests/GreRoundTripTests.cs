using System.Net;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.TestSupport;

namespace IpipTools.KernelTests;

/// <summary>gre through IpipTools, checked with iproute2: create, read, delete, and the reverse.</summary>
public sealed class GreRoundTripTests
{
    [Fact]
    public void GreTunnelIsCreatedReadAndDeleted()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("gre");
        using var client = ns.Connect();
        client.Links.Add(new LinkSpec("under", new VethParameters("underp")) { Up = true });

        var created = client.Tunnels.Create(new TunnelSpec("gre1", new GreParameters
        {
            Local = IPAddress.Parse("10.1.1.1"),
            Remote = IPAddress.Parse("10.2.2.2"),
            Ttl = 10,
            Tos = 0x20,
            InputChecksum = true,
            OutputSequence = true,
        }.WithKey(42))
        { UnderlayDevice = "under", Up = true });

        var gre = Assert.IsType<GreParameters>(created.Parameters);
        Assert.Equal(42u, gre.InputKey);
        Assert.Equal(42u, gre.OutputKey);
        Assert.True(gre.InputChecksum);
        Assert.True(gre.OutputSequence);
        Assert.False(gre.OutputChecksum);
        // 1500 - 20 (IPv4) - 4 (GRE) - 4 (key) - 4 (sequence) - 4 (checksum needs its word)...
        // computed by the kernel; iproute2 must see the same number we do.
        var oracle = TunnelFacts.Oracle(ns.Name, "gre1");
        Assert.Equal(oracle, TunnelFacts.From(created));
        Assert.Equal("ikey 42 okey 42 icsum,oseq", oracle.Gre);
        Assert.Equal("gre", IpOracle.Link(ns.Name, "gre1")!.Value.String("link_type"));

        client.Tunnels.Delete("gre1");

        Assert.Null(IpOracle.Link(ns.Name, "gre1"));
        Assert.True(client.Tunnels.Get("gre0").IsFallback);
    }

    [Fact]
    public void GreTunnelMadeByIproute2ReadsTheSame()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("gre");
        using var client = ns.Connect();
        ns.Ip("tunnel", "add", "gre2", "mode", "gre", "remote", "10.0.0.2", "local", "10.0.0.1", "ikey", "7", "okey", "8", "ttl", "30")
            .EnsureSuccess("ip tunnel add gre2 mode gre");

        var tunnel = client.Tunnels.Get("gre2");

        Assert.Equal(TunnelFacts.Oracle(ns.Name, "gre2"), TunnelFacts.From(tunnel));
        var gre = Assert.IsType<GreParameters>(tunnel.Parameters);
        Assert.Equal((7u, 8u), (gre.InputKey!.Value, gre.OutputKey!.Value));
    }
}
