using IpipTools.Core.Rtnl;
using IpipTools.Core.DesiredState;
using IpipTools.TestSupport;
using Xunit;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.DesiredState.Tests.Live;

/// <summary>
/// Pruning removes only what carries IpipTools' marks (alias on links, protocol 73 on
/// routes and addresses); what anyone else added survives, even next to it.
/// </summary>
public sealed class OwnershipTests
{
    [Fact]
    public void WhatIpipToolsCreatesIsMarkedAsItsOwn()
    {
        using var lab = new TopologyLab();
        HostLab.Build(lab);

        Assert.Equal(Ownership.LinkAlias, IpOracle.Link(lab["r"], "br0")!.Value.String("ifalias"));
        Assert.Equal(Ownership.LinkAlias, IpOracle.Link(lab["h1"], "eth0")!.Value.String("ifalias"));
        Assert.All(IpOracle.Routes(lab["h1"]).EnumerateArray().Where(r => r.String("protocol") != "kernel"), r => Assert.Equal("73", r.String("protocol")));
        // iproute2 6.1 predates IFA_PROTO and does not show it, so the address is read back through IpipTools.
        using var client = IpipTools.Core.Rtnl.RtnetlinkClient.Open(lab["h1"]);
        Assert.Equal(Ownership.AddressProtocol, client.Addresses.List("eth0").Single(a => a.Address.ToString() == "10.1.0.2").Protocol);
    }

    [Fact]
    public void PruneRemovesOwnedLeftoversAndLeavesEverythingElse()
    {
        using var lab = new TopologyLab();
        var desired = HostLab.Build(lab);
        // Theirs: a route added with `ip route add`, an address, a bridge.
        HostLab.Ip(lab, "h1", "route", "add", "10.55.0.0/16", "via", "10.1.0.1");
        HostLab.Ip(lab, "h1", "addr", "add", "10.1.0.50/24", "dev", "eth0");
        HostLab.Ip(lab, "r", "link", "add", "theirs", "type", "bridge");
        // Ours, left over: a bridge with the alias, a route and an address with proto 73.
        HostLab.Ip(lab, "r", "link", "add", "leftover", "type", "bridge");
        HostLab.Ip(lab, "r", "link", "set", "leftover", "alias", Ownership.LinkAlias);
        HostLab.Ip(lab, "h1", "route", "add", "10.56.0.0/16", "via", "10.1.0.1", "proto", "73");
        Owned.AddAddress(lab["h1"], "eth0", "10.1.0.60", 24);

        using var clients = new ClientPool();
        var plan = TopologyEngine.Plan(desired, clients, new PlanOptions { Prune = true });
        Assert.Equal(new[] { "10.56.0.0/16 via 10.1.0.1 dev eth0 proto 73", "10.1.0.60/24 dev eth0", "bridge leftover" },
            plan.Steps.Select(s => s.Target));
        Assert.All(plan.Steps, s => Assert.Equal(PlanAction.Remove, s.Action));

        TopologyEngine.Set(desired, clients, new PlanOptions { Prune = true });

        Assert.Equal(1, IpOracle.Routes(lab["h1"], "10.55.0.0/16").GetArrayLength());
        Assert.Equal(0, IpOracle.Routes(lab["h1"], "10.56.0.0/16").GetArrayLength());
        var addresses = Command.Ip(lab["h1"], "-4", "-o", "addr", "show", "dev", "eth0").Output;
        Assert.Contains("10.1.0.50/24", addresses);
        Assert.DoesNotContain("10.1.0.60/24", addresses);
        Assert.NotNull(IpOracle.Link(lab["r"], "theirs"));
        Assert.Null(IpOracle.Link(lab["r"], "leftover"));
        Assert.True(TopologyEngine.Test(desired, clients, new PlanOptions { Prune = true }));
    }

    [Fact]
    public void ARouteAlreadyThereAsDeclaredButAddedByHandIsLeftAsItIsAndNeverPruned()
    {
        using var lab = new TopologyLab();
        HostLab.Build(lab);
        var withExtra = HostLab.Text.Replace("""{ "Destination": "default", "Gateway": "10.2.0.1" }""",
            """{ "Destination": "default", "Gateway": "10.2.0.1" }, { "Destination": "10.60.0.0/16", "Gateway": "10.2.0.1" }""");
        HostLab.Ip(lab, "h2", "route", "add", "10.60.0.0/16", "via", "10.2.0.1");

        using var clients = new ClientPool();
        Assert.True(TopologyEngine.Test(HostLab.Load(lab, withExtra), clients));

        // Dropped from the topology and pruned: still there, because it is not IpipTools'.
        TopologyEngine.Set(HostLab.Load(lab), clients, new PlanOptions { Prune = true });
        Assert.Equal("boot", IpOracle.Routes(lab["h2"], "10.60.0.0/16")[0].String("protocol"));
    }
}
