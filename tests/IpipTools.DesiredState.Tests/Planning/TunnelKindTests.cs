using IpipTools.Core.Rtnl.Kinds;
using Xunit;
using static IpipTools.DesiredState.Tests.Planning.States;
using IpipTools.Core.DesiredState.Data;
using IpipTools.Core.DesiredState.Export;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.Kinds;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.DesiredState.Tests.Planning;

/// <summary>
/// gre and sit tunnels in topologies, which come to desired state through their drivers
/// alone: read from an entry, planned in order after their underlay, changed in place or
/// recreated as their kind allows, and written back. No kernel involved.
/// </summary>
public sealed class TunnelKindTests
{
    private const string Tunnels = """
        "Veths": [ { "Name": "u", "Peer": "u-p" } ],
        "Tunnels": [
            { "Name": "g", "Mode": "gre", "Local": "10.0.0.1", "Remote": "10.0.0.2", "Underlay": "u", "InputKey": 1, "OutputKey": 4294967295 },
            { "Name": "s", "Mode": "SIT", "Local": "10.0.0.1", "Remote": "10.0.0.3", "Ttl": 64 }
        ]
        """;

    [Fact]
    public void AGreTunnelWithKeysAndASitTunnelAreAddedAfterTheirUnderlay()
    {
        var plan = TopologyPlanner.Plan(InA(Tunnels), Read(Ns("a")));

        Assert.Equal(new[]
        {
            "Add Link veth u (peer u-p in namespace 'a')",
            "Add Link gre g",
            "Add Link sit s",
        }, Summary(plan).Where(s => s.StartsWith("Add Link", StringComparison.Ordinal)));
        var gre = Assert.IsType<GreParameters>(Link(plan, "g").Tunnel);
        Assert.Equal((1u, 4294967295u), (gre.InputKey, gre.OutputKey));
        Assert.Equal("10.0.0.2", gre.Remote?.ToString());
        var sit = Assert.IsType<SitParameters>(Link(plan, "s").Tunnel);
        Assert.Equal((64, SitParameters.ProtocolIpv6), (sit.Ttl, sit.Protocol));
    }

    [Fact]
    public void TunnelsAsTheKernelReportsThemAreConverged()
    {
        var desired = InA(Tunnels);
        var plan = TopologyPlanner.Plan(desired, Read(Ns("a", ReadBack(desired))));

        Assert.Empty(plan.Steps);
        Assert.Empty(plan.Conflicts);
    }

    [Fact]
    public void AGreKeyChangesInPlace()
    {
        var read = Read(Ns("a", ReadBack(InA(Tunnels))));

        var plan = TopologyPlanner.Plan(InA(Tunnels.Replace("\"InputKey\": 1", "\"InputKey\": 5", StringComparison.Ordinal)), read);

        var step = Assert.IsType<ChangeLink>(Assert.Single(plan.Steps));
        Assert.Equal((PlanAction.Change, "gre g", "InputKey 1 → 5"), (step.Action, step.Target, step.Reason));
        var gre = Assert.IsType<GreParameters>(TunnelSettings.ApplyTo(step.Link.Tunnel!, new GreParameters { InputChecksum = true }, underlayIndex: 7));
        Assert.Equal((5u, 4294967295u, true, 7), (gre.InputKey, gre.OutputKey, gre.InputChecksum, gre.UnderlayIndex));
    }

    [Fact]
    public void DroppingAGreKeyChangesInPlaceToo()
    {
        var read = Read(Ns("a", ReadBack(InA(Tunnels))));

        var plan = TopologyPlanner.Plan(InA(Tunnels.Replace(", \"OutputKey\": 4294967295", string.Empty, StringComparison.Ordinal)), read);

        Assert.Equal("OutputKey 4294967295 → none", Assert.Single(plan.Steps).Reason);
    }

    [Fact]
    public void ASitTunnelLosingItsRemoteIsRecreated()
    {
        var read = Read(Ns("a", ReadBack(InA(Tunnels))));

        var plan = TopologyPlanner.Plan(InA(Tunnels.Replace(", \"Remote\": \"10.0.0.3\"", string.Empty, StringComparison.Ordinal)), read);

        var step = Assert.Single(plan.Steps, s => s.Action == PlanAction.Recreate);
        Assert.Equal("sit s", step.Target);
        Assert.Contains("point-to-point mode", step.Reason);
    }

    [Fact]
    public void ATunnelOfAnotherKindIsRecreated()
    {
        var read = Read(Ns("a", ReadBack(InA(Tunnels)).Select(l => l.Name == "g" ? l.With(g => g with { KindParameters = new IpipParameters { Local = l.Tunnel!.Local, Remote = l.Tunnel.Remote } }) : l)));

        var plan = TopologyPlanner.Plan(InA(Tunnels), read);

        var step = Assert.Single(plan.Steps, s => s.Action == PlanAction.Recreate);
        Assert.Equal(("gre g", "it is an ipip, not a gre"), (step.Target, step.Reason));
    }

    [Fact]
    public void ModeAndKeysAreWrittenBackAndReadAgain()
    {
        var desired = InA(Tunnels);

        var text = TopologyWriter.ToJson(desired);

        Assert.Contains("\"Mode\": \"gre\"", text);
        Assert.Contains("\"InputKey\": 1", text);
        Assert.Contains("\"Mode\": \"sit\"", text);
        Assert.Equal(desired.Namespaces[0].Links, TopologyLoader.FromJson(text, "written.json").Namespaces[0].Links);
    }

    [Fact]
    public void APlanCarriesTheKeysThroughJsonAndLeavesThemOutWhereThereAreNone()
    {
        var plan = TopologyPlanner.Plan(InA(Tunnels), Read(Ns("a")));

        var json = plan.ToJson();
        var reread = TopologyPlan.FromJson(json);

        Assert.Equal(Link(plan, "g").Tunnel, Link(reread, "g").Tunnel);
        Assert.Equal(1u, Assert.IsType<GreParameters>(Link(reread, "g").Tunnel).InputKey);
        Assert.Contains("\"InputKey\": 1", System.Text.Json.JsonSerializer.Serialize(Link(plan, "g").Link, PlanJson.Options));
        Assert.DoesNotContain("InputKey", System.Text.Json.JsonSerializer.Serialize(Link(plan, "g").Link with { KindParameters = new GreParameters() }, PlanJson.Options));
    }

    [Fact]
    public void AnUnderlayWithoutANameHereIsToldByItsIndexNotByAMadeUpName()
    {
        // Read: bound to index 5, which no link of the namespace has (the underlay is in another one).
        var read = Tunnel("t", 3, new IpipParameters { Remote = Ip("10.0.0.2"), UnderlayIndex = 5 });
        TopologyLink Desired(string? underlay) => Tunnel("t", 0, new IpipParameters { Remote = Ip("10.0.0.2") }, underlay: underlay);

        Assert.Equal(new[] { "dev (index 5, in another namespace) → none" }, TunnelSettings.Differences(Desired(null), read));
        Assert.Empty(TunnelSettings.Differences(read, read with { }));
        Assert.Equal(new[] { "dev (index 5, in another namespace) → eth0" }, TunnelSettings.Differences(Desired("eth0"), read));
        // A named underlay compares by name: the index a desired tunnel leaves at 0 does not count.
        Assert.Empty(TunnelSettings.Differences(Desired("eth0"), read with { Underlay = "eth0" }));
        Assert.False(TunnelSettings.HasNoParameters(Tunnel("tunl0", 2, new IpipParameters { UnderlayIndex = 5 })));
    }

    [Fact]
    public void AKeyOutOfRangeIsRefusedWhereItIsWritten()
    {
        var e = Assert.Throws<TopologyFormatException>(() => InA(Tunnels.Replace("\"InputKey\": 1", "\"InputKey\": -1", StringComparison.Ordinal)));

        Assert.Contains("InputKey", e.Message);
    }

    [Fact]
    public void GreKeysAreNotKeysOfOtherKinds()
    {
        var e = Assert.Throws<TopologyFormatException>(() => InA(""" "Tunnels": [ { "Name": "s", "Mode": "sit", "InputKey": 1 } ] """));

        Assert.Contains("InputKey", e.Message);
    }

    private static TopologyLink Link(TopologyPlan plan, string name) => plan.Steps.OfType<CreateLink>().Single(s => s.Link.Name == name).Link;

    /// <summary>The desired links as the kernel would report them once made: owned, up, with indexes, a veth pair's two ends.</summary>
    private static IEnumerable<TopologyLink> ReadBack(Topology desired)
    {
        var links = desired.Namespaces[0].Links;
        yield return Owned(Veth("u", 3, 4));
        yield return Owned(Veth("u-p", 4, 3));
        var index = 5;
        foreach (var tunnel in links.Where(l => l.Tunnel is not null))
        {
            var read = index++;
            yield return tunnel.With(l => l with { IsUp = true, Mtu = 1476, Index = read });
        }
    }
}
