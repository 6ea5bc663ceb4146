using IpipTools.Core.Rtnl;
using IpipTools.Core.Errors;
using IpipTools.Core.DesiredState;
using IpipTools.TestSupport;
using Xunit;
using IpipTools.Core.DesiredState.Apply;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.DesiredState.Tests.Live;

/// <summary>
/// A plan that fails part-way is undone completely: afterwards iproute2 reports every
/// namespace exactly as before, including a link the plan had deleted (same index, same
/// hardware address) and routes of a batch the kernel had half accepted.
/// </summary>
public sealed class RollbackTests
{
    /// <summary>
    /// The lab, changed: a new bridge with an address, another MTU, a route's MTU, one more
    /// route in h1, forwarding on in h2, and r-h1 moved onto a "bridge" that is really a
    /// veth, which the kernel refuses in the middle of the plan.
    /// </summary>
    private static readonly string Changed = HostLab.Text
        .Replace("""[ { "Name": "br0" } ]""", """[ { "Name": "br0" }, { "Name": "br1" } ]""")
        .Replace("""Master": "br0" }""", """Master": "r-h2" }""")
        .Replace("""Mtu": 1450""", """Mtu": 1400""")
        .Replace("""{ "Device": "br0", "Address": "10.1.0.1/24" }""", """{ "Device": "br0", "Address": "10.1.0.1/24" }, { "Device": "br1", "Address": "10.3.0.1/24" }""")
        .Replace("""eth0", "Mtu": 1400 }""", """eth0", "Mtu": 1300 }, { "Destination": "10.43.0.0/16", "Gateway": "10.1.0.1" }""")
        .Replace("""Name": "h2",""", """Name": "h2", "Forwarding": true,""");

    [Fact]
    public void AStepTheKernelRefusesInTheMiddleLeavesEveryNamespaceAsItWas()
    {
        using var lab = new TopologyLab();
        HostLab.Build(lab);
        // Something IpipTools owns that the new topology drops: pruning deletes it (with its
        // address and route), and the rollback must bring it back exactly.
        HostLab.Ip(lab, "r", "link", "add", "junk", "type", "veth", "peer", "name", "junk-p");
        HostLab.Ip(lab, "r", "link", "set", "junk", "alias", Ownership.LinkAlias);
        HostLab.Ip(lab, "r", "link", "set", "junk-p", "alias", Ownership.LinkAlias);
        HostLab.Ip(lab, "r", "link", "set", "junk", "up");
        Owned.AddAddress(lab["r"], "junk", "10.77.0.1", 24);
        HostLab.Ip(lab, "r", "route", "add", "10.78.0.0/16", "via", "10.77.0.9", "proto", "73");
        var before = HostLab.Snapshot(lab);

        using var clients = new ClientPool();
        var plan = TopologyEngine.Plan(HostLab.Load(lab, Changed), clients, new PlanOptions { Prune = true });
        var failing = plan.Steps.Single(s => s.Kind == PlanObjectKind.Link && s.Reason.Contains("master br0 → r-h2"));
        Assert.InRange(failing.Number, 5, plan.Steps.Count - 5); // really in the middle
        Assert.Contains(plan.Steps.Take(failing.Number), s => s.Action == PlanAction.Remove && s.Target.StartsWith("veth junk"));
        // Every edit of the lab is in the plan, before and after the failing step.
        Assert.Equal(
            new[] { "Change Forwarding", "Add Link bridge br1", "Change LinkState bridge br1", "Change Link veth r-h2", "Change Link veth r-h1", "Add Address 10.3.0.1/24 dev br1", "Change Route 10.9.0.0/24", "Add Route 10.43.0.0/16" }.Order(),
            plan.Steps.Select(s => $"{s.Action} {s.Kind} {s.Target}")
                .Where(t => t.StartsWith("Change Forwarding") || t.Contains("br1") || t.StartsWith("Change Link veth r-h") || t.StartsWith("Change Route 10.9.") || t.StartsWith("Add Route 10.43."))
                .Select(t => t.StartsWith("Change Forwarding") ? "Change Forwarding" : t.StartsWith("Change Route") ? "Change Route 10.9.0.0/24" : t.StartsWith("Add Route") ? "Add Route 10.43.0.0/16" : t)
                .Order());

        var e = Assert.Throws<TopologyApplyException>(() => TopologyEngine.Apply(plan, clients));

        Assert.True(e.RolledBack, e.Message);
        Assert.Equal(failing.Number, e.FailedStep.Number);
        Assert.Equal(failing.Number - 1, e.StepsUndone);
        Assert.Contains("were undone", e.Message);
        Assert.Equal(before, HostLab.Snapshot(lab));
    }

    [Fact]
    public void ARouteBatchTheKernelHalfAcceptsIsUndoneRouteByRoute()
    {
        using var lab = new TopologyLab();
        HostLab.Build(lab);
        var before = HostLab.Snapshot(lab);
        // 10.72.0.0/16's gateway is on no network of eth0, and it is not onlink: refused.
        var text = HostLab.Text.Replace(
            """{ "Destination": "10.42.2.0/24", "Gateway": "192.0.2.2", "Device": "eth0", "OnLink": true }""",
            """
            { "Destination": "10.42.2.0/24", "Gateway": "192.0.2.2", "Device": "eth0", "OnLink": true },
                        { "Destination": "10.70.0.0/16", "Gateway": "10.1.0.1" },
                        { "Destination": "10.71.0.0/16", "Gateway": "10.1.0.1" },
                        { "Destination": "10.72.0.0/16", "Gateway": "172.31.0.1", "Device": "eth0" },
                        { "Destination": "10.73.0.0/16", "Gateway": "10.1.0.1" }
            """);

        using var clients = new ClientPool();
        var e = Assert.Throws<TopologyApplyException>(() => TopologyEngine.Set(HostLab.Load(lab, text), clients));

        Assert.True(e.RolledBack, e.Message);
        Assert.Equal("10.72.0.0/16", Assert.IsType<AddRoute>(e.FailedStep).Route.Destination.ToString());
        Assert.Equal(3, e.StepsUndone);
        Assert.Equal(before, HostLab.Snapshot(lab));
    }

    [Fact]
    public void ALinkBatchTheKernelHalfAcceptsIsUndoneLinkByLink()
    {
        using var lab = new TopologyLab();
        HostLab.Build(lab);
        var text = HostLab.Text.Replace("""[ { "Name": "br0" } ]""", """[ { "Name": "br0" }, { "Name": "br1" }, { "Name": "br2" }, { "Name": "br3" } ]""");
        using var clients = new ClientPool();
        var plan = TopologyEngine.Plan(HostLab.Load(lab, text), clients);
        var creations = plan.Steps.Where(s => s is CreateLink).ToList();
        Assert.Equal(new[] { "bridge br1", "bridge br2", "bridge br3" }, creations.Select(s => s.Target));
        Assert.Equal(new[] { 1, 1 }, new[] { creations[1].Number - creations[0].Number, creations[2].Number - creations[1].Number });
        // Someone else takes br2's name after the plan was made: the kernel refuses it in the middle of the batch.
        HostLab.Ip(lab, "r", "link", "add", "br2", "type", "bridge");
        var before = HostLab.Snapshot(lab);

        var e = Assert.Throws<TopologyApplyException>(() => TopologyEngine.Apply(plan, clients, new ApplyOptions { CheckFingerprint = false }));

        Assert.True(e.RolledBack, e.Message);
        Assert.Equal(creations[1].Number, e.FailedStep.Number);
        Assert.Equal("LinkNameTaken", Assert.IsAssignableFrom<IpipToolsException>(e.InnerException).ErrorId);
        // br3, sent after br2 in the same batch, was made as well as br1, and both were undone.
        Assert.Equal(creations[0].Number - 1 + 2, e.StepsUndone);
        Assert.Equal(before, HostLab.Snapshot(lab));
    }

    [Fact]
    public void AFailureAfterNamespacesWereCreatedRemovesThemAgain()
    {
        using var lab = new TopologyLab();
        var desired = HostLab.Load(lab);
        var before = HostLab.Snapshot(lab);
        var seen = 0;

        using var clients = new ClientPool();
        var e = Assert.Throws<TopologyApplyException>(() => TopologyEngine.Set(desired, clients, beforeStep: step =>
        {
            // Fail half-way through, at whatever step that is.
            if (++seen == 12)
            {
                throw new InvalidOperationException("injected failure");
            }
        }));

        Assert.True(e.RolledBack, e.Message);
        Assert.Equal("injected failure", e.InnerException!.Message);
        Assert.Equal(11, e.StepsUndone);
        Assert.Equal(before, HostLab.Snapshot(lab));
        Assert.All(HostLab.Names, n => Assert.False(File.Exists($"/run/netns/{lab[n]}")));
    }

    [Fact]
    public void NothingIsAppliedWhenThePlanHasConflicts()
    {
        using var lab = new TopologyLab();
        lab.Create("r");
        // Someone else's veth named like the bridge the topology wants.
        HostLab.Ip(lab, "r", "link", "add", "br0", "type", "veth", "peer", "name", "other");
        var before = HostLab.Snapshot(lab);

        using var clients = new ClientPool();
        var e = Assert.Throws<TopologyConflictException>(() => TopologyEngine.Set(HostLab.Load(lab), clients));

        Assert.Contains("bridge br0", Assert.Single(e.Conflicts).Target);
        Assert.Contains("nothing was changed", e.Message);
        Assert.Equal(0, clients.ChangeRequestCount);
        Assert.Equal(before, HostLab.Snapshot(lab));
    }
}
