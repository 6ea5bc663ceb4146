using IpipTools.Core.Rtnl;
using IpipTools.Core.DesiredState;
using IpipTools.TestSupport;
using Xunit;
using IpipTools.Core.DesiredState.Apply;
using IpipTools.Core.DesiredState.Export;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.DesiredState.Tests.Live;

/// <summary>
/// Plans as objects: saved as JSON, reviewed, applied later — and refused when the state
/// they were made against has changed in between. Exported state is a topology Set accepts.
/// </summary>
public sealed class PlanLifecycleTests
{
    [Fact]
    public void ASavedPlanIsAppliedLater()
    {
        using var lab = new TopologyLab();
        var desired = HostLab.Load(lab);
        var file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.json");
        try
        {
            using (var planning = new ClientPool())
            {
                File.WriteAllText(file, TopologyEngine.Plan(desired, planning).ToJson());
                Assert.Equal(0, planning.ChangeRequestCount);
            }

            Assert.All(HostLab.Names, n => Assert.False(File.Exists($"/run/netns/{lab[n]}")));
            var plan = TopologyPlan.FromJson(File.ReadAllText(file));

            using var clients = new ClientPool();
            var result = TopologyEngine.Apply(plan, clients);

            Assert.Equal(plan.Steps.Count, result.StepsApplied);
            Assert.True(TopologyEngine.Test(desired, clients));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void APlanMadeBeforeTheStateChangedIsRefusedAndNothingIsApplied()
    {
        using var lab = new TopologyLab();
        HostLab.Build(lab);
        var changed = HostLab.Load(lab, HostLab.Text.Replace("""Mtu": 1450""", """Mtu": 1420"""));
        using var clients = new ClientPool();
        var plan = TopologyEngine.Plan(changed, clients);
        Assert.Equal(2, plan.Steps.Count); // the MTU of both veth ends

        HostLab.Ip(lab, "h1", "route", "add", "10.61.0.0/16", "via", "10.1.0.1");
        var before = HostLab.Snapshot(lab);
        var e = Assert.Throws<IpipTools.Core.Errors.IpipToolsException>(() => TopologyEngine.Apply(TopologyPlan.FromJson(plan.ToJson()), clients));

        Assert.Equal("PlanStale", e.ErrorId);
        Assert.Equal(before, HostLab.Snapshot(lab));
        Assert.Equal(0, clients.ChangeRequestCount);
    }

    [Fact]
    public void ExportedStateIsATopologyThatIsAlreadyConverged()
    {
        using var lab = new TopologyLab();
        HostLab.Build(lab);
        HostLab.Ip(lab, "h2", "route", "add", "10.62.0.0/16", "via", "10.2.0.1");
        using var clients = new ClientPool();

        var exported = TopologyExporter.Export(TopologyEngine.Read(HostLab.Names.Select(n => lab[n]), clients));
        var text = TopologyWriter.ToPowerShellData(exported);
        var reread = TopologyLoader.FromJson(TopologyWriter.ToJson(exported), "exported.json");

        Assert.Contains($"PeerNamespace = '{lab["h1"]}'", text);
        Assert.Contains("Destination = '10.62.0.0/16'", text);
        var plan = TopologyEngine.Plan(reread, clients, new PlanOptions { Prune = true });
        Assert.True(plan.IsConverged, plan.ToString());

        var owned = TopologyExporter.Export(TopologyEngine.Read(HostLab.Names.Select(n => lab[n]), clients), new ExportOptions { OwnedOnly = true });
        Assert.DoesNotContain(owned.Find(lab["h2"])!.Routes, r => r.Destination.ToString() == "10.62.0.0/16");
        Assert.True(TopologyEngine.Test(owned, clients));
    }
}
