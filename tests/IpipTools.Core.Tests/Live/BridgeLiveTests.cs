using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

/// <summary>A bridge with veths enslaved (at creation, and later), compared with iproute2 both ways.</summary>
public sealed class BridgeLiveTests
{
    [Fact]
    public void OursAsIproute2SeesIt()
    {
        using var ns = new TestNamespace("br");
        using var client = ns.Connect();

        var bridge = client.Links.Add(Link.Of("br0", new BridgeParameters()) with { IsUp = true });
        var va = client.Links.Add(Link.Of("va", new VethParameters("vb")) with { Master = "br0", IsUp = true });
        client.Links.Add(Link.Of("vc", new VethParameters("vd")));
        client.Links.SetMaster("vc", "br0");
        LinkSettling.Wait(client);

        Assert.Equal("bridge", bridge.Kind);
        Assert.IsType<BridgeParameters>(bridge.KindParameters);
        Assert.Equal(bridge.Index, va.MasterIndex);
        var oracleVa = IpOracle.Link(ns.Name, "va")!.Value;
        Assert.Equal("br0", oracleVa.String("master"));
        Assert.Equal("bridge", oracleVa.GetProperty("linkinfo").String("info_slave_kind"));
        Assert.Equal("br0", IpOracle.Link(ns.Name, "vc")!.Value.String("master"));
        Assert.Equal(LinkFacts.AllFromOracle(ns.Name), LinkFacts.AllFrom(client.Links.List()));

        client.Links.SetMaster("vc", null);

        Assert.Null(IpOracle.Link(ns.Name, "vc")!.Value.String("master"));
        Assert.Equal(0, client.Links.Get("vc").MasterIndex);
    }

    [Fact]
    public void Iproute2sAsWeReadIt()
    {
        using var ns = new TestNamespace("br");
        ns.Ip("link", "add", "br1", "type", "bridge").EnsureSuccess("ip link add bridge");
        ns.Ip("link", "add", "xa", "type", "veth", "peer", "name", "xb").EnsureSuccess("ip link add veth");
        ns.Ip("link", "set", "xa", "master", "br1", "up").EnsureSuccess("ip link set master");
        using var client = ns.Connect();
        LinkSettling.Wait(client);

        var bridge = client.Links.Get("br1");
        Assert.Equal("bridge", bridge.Kind);
        Assert.Equal(bridge.Index, client.Links.Get("xa").MasterIndex);
        Assert.Equal(LinkFacts.AllFromOracle(ns.Name), LinkFacts.AllFrom(client.Links.List()));
    }
}
