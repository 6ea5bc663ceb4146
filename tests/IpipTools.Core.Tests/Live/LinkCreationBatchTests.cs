using IpipTools.Core.DesiredState.Topologies;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

/// <summary>
/// Links created in a batch: two sends however many links (a refusal adds the read that explains it), each link answered on its own,
/// and a refused creation never marks the link that already had its name.
/// </summary>
public sealed class LinkCreationBatchTests
{
    [Fact]
    public void ManyMarkedLinksTakeTwoSendsAndEachIsAnsweredOnItsOwn()
    {
        using var lab = VethNamespace.Create("lcb", address: null, record: true);
        var (client, recorder) = (lab.Client, lab.Recorder!);
        client.Links.Add(Link.Of("taken", new BridgeParameters()));

        using var batch = client.Links.CreateBatch();
        foreach (var name in new[] { "lcb0", "taken", "lcb1" })
        {
            batch.Queue(Link.Of(name, new BridgeParameters()) with { Alias = Ownership.LinkAlias });
        }

        var before = recorder.Sent.Count;
        var outcomes = batch.Send();

        // The creations, the aliases with the read-backs, and the one lookup that words the refusal (the name is taken).
        Assert.Equal(3, recorder.Sent.Count - before);
        Assert.Equal(new[] { true, false, true }, outcomes.Select(o => o.Succeeded));
        Assert.Equal(new[] { "lcb0", "lcb1" }, outcomes.Where(o => o.Succeeded).Select(o => o.Made!.Name));
        Assert.All(outcomes.Where(o => o.Succeeded), o => Assert.Equal(Ownership.LinkAlias, IpOracle.Link(lab.Name, o.Made!.Name)!.Value.GetProperty("ifalias").GetString()));
        Assert.Contains("taken", outcomes[1].Error!.Message);
    }

    [Fact]
    public void AVethPeerInAnotherNamespaceIsMarkedJoinsItsBridgeAndComesUpBeforeTheEndIsRead()
    {
        using var a = new TestNamespace("lcb");
        using var b = new TestNamespace("lcb");
        using var clientA = a.Connect();
        using var clientB = b.Connect();
        clientB.Links.Add(Link.Of("brb", new BridgeParameters()) with { IsUp = true });

        using var batch = clientA.Links.CreateBatch(target => target.Equals(b.Namespace) ? clientB : throw new InvalidOperationException($"no client for {target}"));
        batch.Queue(Link.Of("va", new VethParameters("vb", b.Namespace) { PeerIsUp = true, PeerAlias = Ownership.LinkAlias, PeerMaster = "brb" })
            with { IsUp = true, Alias = Ownership.LinkAlias });
        var made = Assert.Single(batch.Send()).Made!;

        var peer = IpOracle.Link(b.Name, "vb")!.Value;
        Assert.Equal((Ownership.LinkAlias, "brb"), (peer.GetProperty("ifalias").GetString(), peer.GetProperty("master").GetString()));
        Assert.Contains("UP", peer.Strings("flags"));
        // Read after the peer came up: the end reports the carrier the peer gave it.
        Assert.Equal((true, Ownership.LinkAlias), (made.IsUp, made.Alias));
        Assert.Contains("LOWER_UP", IpOracle.Link(a.Name, "va")!.Value.Strings("flags"));
    }

    [Fact]
    public void AVethWhosePeerCannotBeFinishedIsDeletedWithItsPeerAndTheOthersStay()
    {
        using var a = new TestNamespace("lcb");
        using var b = new TestNamespace("lcb");
        using var clientA = a.Connect();
        using var clientB = b.Connect();

        using var batch = clientA.Links.CreateBatch(_ => clientB);
        batch.Queue(Link.Of("va", new VethParameters("vb", b.Namespace) { PeerMaster = "nosuchbr" }));
        batch.Queue(Link.Of("vc", new VethParameters("vd", b.Namespace) { PeerIsUp = true }));
        var outcomes = batch.Send();

        Assert.Equal("LinkNotFound", Assert.IsAssignableFrom<IpipTools.Core.Errors.IpipToolsException>(outcomes[0].Error).ErrorId);
        Assert.Contains("nosuchbr", outcomes[0].Error!.Message);
        Assert.Equal("vc", outcomes[1].Made!.Name);
        Assert.Null(IpOracle.Link(a.Name, "va"));
        Assert.Null(IpOracle.Link(b.Name, "vb"));
        Assert.NotNull(IpOracle.Link(b.Name, "vd"));
    }

    [Fact]
    public void ARefusedCreationLeavesTheLinkThatHadTheNameUnmarked()
    {
        using var lab = VethNamespace.Create("lcb", address: null, record: false);
        lab.Client.Links.Add(Link.Of("taken", new BridgeParameters()));

        var e = Assert.Throws<IpipTools.Core.Netlink.NetlinkException>(() => lab.Client.Links.Add(Link.Of("taken", new BridgeParameters()) with { Alias = Ownership.LinkAlias }));

        Assert.Equal("LinkNameTaken", e.ErrorId);
        Assert.False(IpOracle.Link(lab.Name, "taken")!.Value.TryGetProperty("ifalias", out _));
    }
}
