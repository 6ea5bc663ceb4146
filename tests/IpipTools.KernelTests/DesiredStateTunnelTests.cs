using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl;
using IpipTools.Core.DesiredState;
using IpipTools.Core.DesiredState.Apply;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.KernelTests;

/// <summary>
/// The desired-state engine on real ipip tunnels: the whole of S1 from its data file, tunnel
/// drift (a TTL changed behind its back) reported and repaired exactly, tunnels recreated
/// where the kernel refuses a change in place, and a recreation that fails rolled back to
/// the tunnel that was there, same index included.
/// </summary>
public sealed class DesiredStateTunnelTests
{
    private static readonly string[] S1Namespaces = { "", "ns1", "ns2" };

    [Fact]
    public void S1ConvergesFromItsDataFileAndTheTunnelCarriesPings()
    {
        KernelTestEnvironment.RequireKernel();
        using var lab = new TopologyLab("s1ds", S1Namespaces);
        var desired = lab.Example("S1-point-to-point.json");
        using var clients = new ClientPool();

        TopologyEngine.Set(desired, clients);

        var ns1 = lab["ns1"];
        var tunl = IpOracle.Link(ns1, "tunl")!.Value;
        Assert.Equal("ipip", tunl.InfoKind());
        Assert.Equal("10.10.10.2", tunl.String("address"));
        Assert.Equal("10.10.20.2", tunl.String("broadcast"));
        Assert.Equal(1480, tunl.Int("mtu"));
        Assert.Equal(new[] { "LOWER_UP", "NOARP", "POINTOPOINT", "UP" }, tunl.Strings("flags").Order());
        Assert.Equal(Ownership.LinkAlias, tunl.String("ifalias"));
        var peerRoute = IpOracle.Routes(ns1, "10.10.200.10").EnumerateArray().Single();
        Assert.Equal(("tunl", "link", "kernel"), (peerRoute.String("dev"), peerRoute.String("scope"), peerRoute.String("protocol")));
        Assert.True(lab.Host("ns1").Ping("10.10.200.10"), "ping 10.10.200.10 from ns1 through the tunnel was not answered");
        Assert.True(TopologyEngine.Test(desired, clients, new PlanOptions { Prune = true }));
    }

    [Fact]
    public void ADeletedRouteAChangedTtlAndAStrayOwnedRouteAreReportedAndRepairedExactly()
    {
        KernelTestEnvironment.RequireKernel();
        using var lab = new TopologyLab("s1ds", S1Namespaces);
        var desired = lab.Example("S1-point-to-point.json");
        using var clients = new ClientPool();
        TopologyEngine.Set(desired, clients);
        var ns1 = lab.Host("ns1");
        ns1.Ip("route", "del", "10.10.20.0/24").EnsureSuccess("ip route del");
        ns1.Ip("link", "set", "tunl", "type", "ipip", "ttl", "10").EnsureSuccess("ip link set type ipip ttl");
        Assert.Equal(10, IpOracle.Link(ns1.Name, "tunl")!.Value.InfoData().Int("ttl"));
        ns1.Ip("route", "add", "10.99.0.0/16", "dev", "tunl", "proto", "73").EnsureSuccess("ip route add");
        var prune = new PlanOptions { Prune = true };

        var drift = TopologyEngine.Plan(desired, clients, prune);

        Assert.Equal(new[]
        {
            (PlanAction.Remove, PlanObjectKind.Route, "10.99.0.0/16 dev tunl proto 73 scope link"),
            (PlanAction.Change, PlanObjectKind.Link, "ipip tunl"),
            (PlanAction.Add, PlanObjectKind.Route, "10.10.20.0/24 via 10.10.10.1 proto 73"),
        }, drift.Steps.Select(s => (s.Action, s.Kind, s.Target)));
        Assert.Equal("ttl 10 → inherit", drift.Steps[1].Reason);
        Assert.All(drift.Steps, s => Assert.Equal(ns1.Name, s.Namespace));

        var before = clients.ChangeRequestCount;
        TopologyEngine.Set(desired, clients, prune);

        Assert.Equal(3, clients.ChangeRequestCount - before);
        Assert.True(TopologyEngine.Test(desired, clients, prune));
        // iproute2 leaves ttl out of its JSON when it is inherit (0).
        Assert.True(IpOracle.Link(ns1.Name, "tunl")!.Value.InfoData().Int("ttl") is null or 0);
        Assert.True(ns1.Ping("10.10.200.10"));
    }

    [Fact]
    public void APointToPointTunnelBecomingTunl0StyleIsRecreatedAndBack()
    {
        KernelTestEnvironment.RequireKernel();
        using var lab = new TopologyLab("s1ds", S1Namespaces);
        var s1 = lab.Example("S1-point-to-point.json");
        using var clients = new ClientPool();
        TopologyEngine.Set(s1, clients);
        var ns1 = lab["ns1"];
        var nbma = WithTunnel(s1, ns1, "tunl", t => t with { Remote = null });

        var plan = TopologyEngine.Plan(nbma, clients);

        Assert.Equal(new[]
        {
            "Remove Address 10.10.100.10 peer 10.10.200.10/32 dev tunl",
            "Recreate Link ipip tunl",
            "Change LinkState ipip tunl",
            "Add Address 10.10.100.10 peer 10.10.200.10/32 dev tunl",
        }, plan.Steps.Select(s => $"{s.Action} {s.Kind} {s.Target}"));
        Assert.Contains("tunl0-style", plan.Steps[1].Reason);
        TopologyEngine.Apply(plan, clients);

        var link = IpOracle.Link(ns1, "tunl")!.Value;
        Assert.DoesNotContain("POINTOPOINT", link.Strings("flags"));
        Assert.Equal("any", link.InfoData().String("remote"));
        Assert.True(TopologyEngine.Test(nbma, clients));

        TopologyEngine.Set(s1, clients);
        Assert.Contains("POINTOPOINT", IpOracle.Link(ns1, "tunl")!.Value.Strings("flags"));
        Assert.True(lab.Host("ns1").Ping("10.10.200.10"));
    }

    [Fact]
    public void AnExternalTunnelIsRecreatedForAnyChange()
    {
        KernelTestEnvironment.RequireKernel();
        using var lab = new TopologyLab("extds", "n");
        var desired = lab.Map(TopologyLoader.FromJson("""{ "Namespaces": [ { "Name": "n", "Tunnels": [ { "Name": "ext", "CollectMetadata": true } ] } ] }"""));
        using var clients = new ClientPool();
        TopologyEngine.Set(desired, clients);
        Assert.True(IpOracle.Link(lab["n"], "ext")!.Value.InfoData().TryGetProperty("external", out _));

        var changed = WithTunnel(desired, lab["n"], "ext", t => t with { FirewallMark = 7 });
        var plan = TopologyEngine.Plan(changed, clients);

        var recreate = Assert.Single(plan.Steps, s => s.Action == PlanAction.Recreate);
        Assert.Contains("collect_metadata", recreate.Reason);
        TopologyEngine.Apply(plan, clients);
        Assert.True(TopologyEngine.Test(changed, clients));
    }

    [Fact]
    public void ARecreationTheKernelRefusesIsRolledBackToTheOldTunnel()
    {
        KernelTestEnvironment.RequireKernel();
        using var lab = new TopologyLab("s1ds", S1Namespaces);
        var s1 = lab.Example("S1-point-to-point.json");
        using var clients = new ClientPool();
        TopologyEngine.Set(s1, clients);
        var ns1 = lab.Host("ns1");
        // Someone else's tunnel already holds local 10.10.10.2 with no remote: the
        // tunl0-style tunl the topology now wants cannot be created (EEXIST).
        ns1.Ip("link", "add", "other", "type", "ipip", "local", "10.10.10.2").EnsureSuccess("ip link add other");
        var indexBefore = IpOracle.Link(ns1.Name, "tunl")!.Value.Int("ifindex");
        var before = lab.SettledSnapshot();

        var e = Assert.Throws<TopologyApplyException>(() => TopologyEngine.Set(WithTunnel(s1, ns1.Name, "tunl", t => t with { Remote = null }), clients));

        Assert.Equal(PlanAction.Recreate, e.FailedStep.Action);
        Assert.True(e.RolledBack, e.Message);
        Assert.Contains("same endpoints", e.Message);
        lab.AssertSnapshotSettlesTo(before);
        Assert.Equal(indexBefore, IpOracle.Link(ns1.Name, "tunl")!.Value.Int("ifindex"));
        Assert.True(ns1.Ping("10.10.200.10"));
    }

    private static Topology WithTunnel(Topology topology, string ns, string name, Func<Ipv4TunnelParameters, Ipv4TunnelParameters> change) => topology with
    {
        Namespaces = topology.Namespaces.Select(n => n.Name != ns ? n : n with
        {
            Links = n.Links.Select(l => l.Name == name ? l.With(t => t with { KindParameters = change(l.Tunnel!) }) : l).ToList(),
        }).ToList(),
    };
}
