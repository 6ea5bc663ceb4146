using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

/// <summary>
/// <see cref="LinkOperations.Change"/> (what Set-NetLink sends): several settings in one
/// request, each as iproute2 then reports it, and the refusals it makes before the kernel
/// would apply part of a change, each leaving the links exactly as they were.
/// </summary>
public sealed class LinkChangeRequestLiveTests
{
    [Fact]
    public void AttachesRenamesAndBringsUpInOneRequest()
    {
        using var ns = new TestNamespace("lcr");
        using var client = ns.Connect();
        client.Links.Add(Link.Of("br0", new BridgeParameters()) with { IsUp = true });
        client.Links.Add(Link.Of("va", new VethParameters("vb")));

        var changed = client.Links.Change(client.Links.Get("va"), new LinkChange { Master = "br0", NewName = "port0", Mtu = 1400, Alias = "a port", Up = true });

        var oracle = IpOracle.Link(ns.Name, "port0")!.Value;
        Assert.Equal("br0", oracle.String("master"));
        Assert.Equal(1400, oracle.Int("mtu"));
        Assert.Equal("a port", oracle.String("ifalias"));
        Assert.Contains("UP", oracle.Strings("flags"));
        Assert.Equal((oracle.Int("ifindex"), "br0"), (changed.Index, client.Links.WithMasterNames(new[] { changed })[0].Master));

        client.Links.Change(changed, new LinkChange { NoMaster = true });
        Assert.Null(IpOracle.Link(ns.Name, "port0")!.Value.String("master"));
    }

    [Fact]
    public void MovesIntoAnotherNamespaceRenamedAndUp()
    {
        using var a = new TestNamespace("lcr");
        using var b = new TestNamespace("lcr");
        using var clientA = a.Connect();
        using var clientB = b.Connect();
        clientA.Links.Add(Link.Of("va", new VethParameters("vb")));

        var moved = clientA.Links.Change(clientA.Links.Get("va"), new LinkChange { NewNamespace = b.Namespace, NewName = "eth0", Up = true }, clientB.Links);

        Assert.Null(IpOracle.Link(a.Name, "va"));
        var oracle = IpOracle.Link(b.Name, "eth0")!.Value;
        Assert.Contains("UP", oracle.Strings("flags"));
        Assert.Equal(oracle.Int("ifindex"), moved.Index);
    }

    [Theory]
    [InlineData("NotAMaster")]
    [InlineData("MasterNotFound")]
    [InlineData("InvalidMtu")]
    [InlineData("LinkNameTaken")]
    [InlineData("MovedNameTaken")]
    public void RefusesBeforeTheKernelAppliesAnything(string refusal)
    {
        using var a = new TestNamespace("lcr");
        using var b = new TestNamespace("lcr");
        using var clientA = a.Connect();
        using var clientB = b.Connect();
        clientA.Links.Add(Link.Of("va", new VethParameters("vb")));
        clientB.Links.Add(Link.Of("eth0", new VethParameters("eth1")));
        var before = IpOracle.Links(a.Name).ToString();

        // Each asks for a rename (applied by the kernel before the master) besides the faulty setting.
        var (change, errorId) = refusal switch
        {
            "NotAMaster" => (new LinkChange { NewName = "x0", Master = "vb" }, "NotAMaster"),
            "MasterNotFound" => (new LinkChange { NewName = "x0", Master = "nobr" }, "MasterNotFound"),
            "InvalidMtu" => (new LinkChange { NewName = "x0", Mtu = 65536 }, "InvalidMtu"),
            "LinkNameTaken" => (new LinkChange { NewName = "vb", Up = true }, "LinkNameTaken"),
            _ => (new LinkChange { NewName = "eth0", NewNamespace = b.Namespace }, "LinkNameTaken"),
        };
        var failure = Assert.IsAssignableFrom<IpipToolsException>(Record.Exception(() => clientA.Links.Change(clientA.Links.Get("va"), change, clientB.Links)));

        Assert.Equal(errorId, failure.ErrorId);
        Assert.Equal(before, IpOracle.Links(a.Name).ToString());
    }
}
