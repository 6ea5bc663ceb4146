using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

/// <summary>
/// A veth pair whose peer is created directly in another namespace, both ways:
/// what we create, `ip -d -j link` reports exactly as we do in each namespace; what
/// `ip` creates, we read exactly as it reports.
/// </summary>
public sealed class VethAcrossNamespacesTests
{
    [Fact]
    public void OursAsIproute2SeesIt()
    {
        using var a = new TestNamespace("veth");
        using var b = new TestNamespace("veth");
        using var clientA = a.Connect();
        using var clientB = b.Connect();

        var va = clientA.Links.Add(Link.Of("va", new VethParameters("vb", b.Namespace)) with { IsUp = true, Mtu = 1400 });
        clientB.Links.SetUp("vb", true);
        LinkSettling.Wait(clientA);
        LinkSettling.Wait(clientB);

        var vb = clientB.Links.Get("vb");
        Assert.Null(clientA.Links.Find("vb"));
        Assert.Equal(("veth", 1400), (va.Kind, va.Mtu));
        Assert.Equal(vb.Index, va.LinkedIndex);
        Assert.NotNull(clientA.Links.Get("va").LinkedNamespaceId);
        Assert.Equal(clientA.Links.Get("va").Index, vb.LinkedIndex);
        Assert.Equal(LinkFacts.AllFromOracle(a.Name), LinkFacts.AllFrom(clientA.Links.List()));
        Assert.Equal(LinkFacts.AllFromOracle(b.Name), LinkFacts.AllFrom(clientB.Links.List()));
        Assert.Contains("UP", IpOracle.Link(a.Name, "va")!.Value.Strings("flags"));
    }

    [Fact]
    public void Iproute2sAsWeReadIt()
    {
        using var a = new TestNamespace("veth");
        using var b = new TestNamespace("veth");
        a.Ip("link", "add", "xa", "mtu", "9000", "type", "veth", "peer", "name", "xb", "netns", b.Name).EnsureSuccess("ip link add");
        a.Ip("link", "set", "xa", "up").EnsureSuccess("ip link set up");
        using var clientA = a.Connect();
        using var clientB = b.Connect();
        LinkSettling.Wait(clientA);
        LinkSettling.Wait(clientB);

        var xa = clientA.Links.Get("xa");
        Assert.Equal(("veth", 9000, true), (xa.Kind, xa.Mtu, xa.IsUp));
        Assert.Equal(clientB.Links.Get("xb").Index, xa.LinkedIndex);
        Assert.Equal(LinkFacts.AllFromOracle(a.Name), LinkFacts.AllFrom(clientA.Links.List()));
        Assert.Equal(LinkFacts.AllFromOracle(b.Name), LinkFacts.AllFrom(clientB.Links.List()));
    }

    [Fact]
    public void PeerInTheSameNamespaceIsNamedByIproute2AsWeNameIt()
    {
        using var ns = new TestNamespace("veth");
        using var client = ns.Connect();

        client.Links.Add(Link.Of("va", new VethParameters("vb")));

        Assert.Equal("vb", IpOracle.Link(ns.Name, "va")!.Value.String("link"));
        Assert.Null(client.Links.Get("va").LinkedNamespaceId);
        Assert.Equal(LinkFacts.AllFromOracle(ns.Name), LinkFacts.AllFrom(client.Links.List()));
    }
}
