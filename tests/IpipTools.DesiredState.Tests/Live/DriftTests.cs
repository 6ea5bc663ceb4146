using IpipTools.Core.Rtnl;
using IpipTools.Core.DesiredState;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.DesiredState.Tests.Live;

/// <summary>
/// Drift on the host kernel: state changed behind IpipTools' back is reported exactly, and
/// repaired exactly, with one change request per repair.
/// </summary>
public sealed class DriftTests
{
    private static readonly PlanOptions Prune = new() { Prune = true };

    [Fact]
    public void TestReportsExactlyTheDriftAndSetRepairsExactlyIt()
    {
        using var lab = new TopologyLab();
        var desired = HostLab.Build(lab);

        // A route deleted, an MTU changed, and a route with IpipTools' tag added by hand.
        HostLab.Ip(lab, "h1", "route", "del", "10.9.0.0/24");
        HostLab.Ip(lab, "r", "link", "set", "r-h2", "mtu", "1300");
        HostLab.Ip(lab, "h1", "route", "add", "10.66.0.0/16", "via", "10.1.0.1", "proto", "73");

        using var clients = new ClientPool();
        var drift = TopologyEngine.Plan(desired, clients, Prune);

        Assert.Equal(new[]
        {
            (PlanAction.Remove, PlanObjectKind.Route, lab["h1"], "10.66.0.0/16 via 10.1.0.1 dev eth0 proto 73"),
            (PlanAction.Change, PlanObjectKind.Link, lab["r"], "veth r-h2"),
            (PlanAction.Add, PlanObjectKind.Route, lab["h1"], "10.9.0.0/24 via 10.1.0.1 dev eth0 proto 73 mtu 1400"),
        }, drift.Steps.Select(s => (s.Action, s.Kind, s.Namespace, s.Target)));
        Assert.Equal("mtu 1300 → 1450", drift.Steps[1].Reason);
        Assert.False(TopologyEngine.Test(desired, clients, Prune));

        var before = clients.ChangeRequestCount;
        var result = TopologyEngine.Set(desired, clients, Prune);

        Assert.Equal(3, result.StepsApplied);
        Assert.Equal(3, clients.ChangeRequestCount - before);
        Assert.True(TopologyEngine.Test(desired, clients, Prune));
        Assert.Equal(1400, IpOracle.Routes(lab["h1"], "10.9.0.0/24")[0].GetProperty("metrics")[0].GetProperty("mtu").GetInt32());
        Assert.Equal(0, IpOracle.Routes(lab["h1"], "10.66.0.0/16").GetArrayLength());
        Assert.Equal(1450, IpOracle.Link(lab["r"], "r-h2")!.Value.Int("mtu"));
    }

    [Fact]
    public void WithoutPruneAStrayOwnedRouteIsNeitherReportedNorRemoved()
    {
        using var lab = new TopologyLab();
        var desired = HostLab.Build(lab);
        HostLab.Ip(lab, "h1", "route", "add", "10.66.0.0/16", "via", "10.1.0.1", "proto", "73");

        using var clients = new ClientPool();
        Assert.True(TopologyEngine.Test(desired, clients));
        TopologyEngine.Set(desired, clients);

        Assert.Equal(0, clients.ChangeRequestCount);
        Assert.Equal(1, IpOracle.Routes(lab["h1"], "10.66.0.0/16").GetArrayLength());
    }

    [Fact]
    public void ALinkBroughtDownAndAnAddressRemovedAreRepaired()
    {
        using var lab = new TopologyLab();
        var desired = HostLab.Build(lab);
        HostLab.Ip(lab, "r", "link", "set", "br0", "down");
        HostLab.Ip(lab, "h2", "addr", "del", "10.2.0.2/24", "dev", "eth0");

        using var clients = new ClientPool();
        var plan = TopologyEngine.Plan(desired, clients);

        // The default route of h2 went with its address (its gateway became unreachable), and
        // bringing br0 down took the routes of its subnet: both come back.
        Assert.Contains(plan.Steps, s => s is { Kind: PlanObjectKind.LinkState, Target: "bridge br0", Reason: "down → up" });
        Assert.Contains(plan.Steps, s => s is { Kind: PlanObjectKind.Address, Action: PlanAction.Add } && s.Namespace == lab["h2"]);
        Assert.Contains(plan.Steps, s => s is { Kind: PlanObjectKind.Route, Action: PlanAction.Add } && s.Namespace == lab["h2"] && s.Route!.Destination.ToString() == "0.0.0.0/0");
        Assert.DoesNotContain(plan.Steps, s => s.Action == PlanAction.Remove);

        TopologyEngine.Set(desired, clients);
        Assert.True(TopologyEngine.Test(desired, clients));
        Assert.True(Command.Run("ip", new[] { "netns", "exec", lab["h2"], Command.Tool("ping"), "-c", "1", "-W", "3", "10.1.0.2" }, TimeSpan.FromSeconds(20)).ExitCode == 0);
    }
}
