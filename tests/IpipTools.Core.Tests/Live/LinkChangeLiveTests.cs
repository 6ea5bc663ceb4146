using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

/// <summary>Changing links (mtu, up/down, rename, alias, move to another namespace, delete), checked by iproute2 after each step.</summary>
public sealed class LinkChangeLiveTests
{
    [Fact]
    public void EveryChangeShowsInIproute2()
    {
        using var a = new TestNamespace("chg");
        using var b = new TestNamespace("chg");
        using var clientA = a.Connect();
        using var clientB = b.Connect();
        clientA.Links.Add(Link.Of("va", new VethParameters("vb")) with { IsUp = true });

        clientA.Links.SetMtu("va", 9000);
        Assert.Equal(9000, IpOracle.Link(a.Name, "va")!.Value.Int("mtu"));

        clientA.Links.SetUp("va", false);
        Assert.DoesNotContain("UP", IpOracle.Link(a.Name, "va")!.Value.Strings("flags"));

        clientA.Links.Rename("va", "wan0");
        Assert.Null(IpOracle.Link(a.Name, "va"));
        Assert.Equal(9000, IpOracle.Link(a.Name, "wan0")!.Value.Int("mtu"));

        clientA.Links.SetAlias("wan0", "owned by IpipTools");
        Assert.Equal("owned by IpipTools", IpOracle.Link(a.Name, "wan0")!.Value.String("ifalias"));
        Assert.Equal("owned by IpipTools", clientA.Links.Get("wan0").Alias);

        clientA.Links.MoveTo("wan0", b.Namespace);
        LinkSettling.Wait(clientA);
        Assert.Null(IpOracle.Link(a.Name, "wan0"));
        Assert.Equal(9000, IpOracle.Link(b.Name, "wan0")!.Value.Int("mtu"));
        Assert.Null(clientA.Links.Find("wan0"));
        Assert.Equal(LinkFacts.AllFromOracle(a.Name), LinkFacts.AllFrom(clientA.Links.List()));
        Assert.Equal(LinkFacts.AllFromOracle(b.Name), LinkFacts.AllFrom(clientB.Links.List()));

        clientB.Links.Delete("wan0");
        Assert.Null(IpOracle.Link(b.Name, "wan0"));
        Assert.Null(IpOracle.Link(a.Name, "vb")); // a veth goes with its peer
    }

    [Fact]
    public void Iproute2sChangesAsWeReadThem()
    {
        using var ns = new TestNamespace("chg");
        using var client = ns.Connect();
        client.Links.Add(Link.Of("va", new VethParameters("vb")));

        ns.Ip("link", "set", "va", "name", "lan0", "mtu", "1234", "up").EnsureSuccess("ip link set");
        ns.Ip("link", "set", "vb", "alias", "peer side").EnsureSuccess("ip link set alias");
        LinkSettling.Wait(client);

        var lan0 = client.Links.Get("lan0");
        Assert.Equal((1234, true), (lan0.Mtu, lan0.IsUp));
        Assert.Equal("peer side", client.Links.Get("vb").Alias);
        Assert.Null(client.Links.Find("va"));
        Assert.Equal(LinkFacts.AllFromOracle(ns.Name), LinkFacts.AllFrom(client.Links.List()));
    }
}
