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
    public void ARefusedCreationLeavesTheLinkThatHadTheNameUnmarked()
    {
        using var lab = VethNamespace.Create("lcb", address: null, record: false);
        lab.Client.Links.Add(Link.Of("taken", new BridgeParameters()));

        var e = Assert.Throws<IpipTools.Core.Netlink.NetlinkException>(() => lab.Client.Links.Add(Link.Of("taken", new BridgeParameters()) with { Alias = Ownership.LinkAlias }));

        Assert.Equal("LinkNameTaken", e.ErrorId);
        Assert.False(IpOracle.Link(lab.Name, "taken")!.Value.TryGetProperty("ifalias", out _));
    }
}
