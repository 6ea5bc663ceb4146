using System.Collections;
using System.Collections.Specialized;
using IpipTools.Core.DesiredState;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.DesiredState.Tests.Live;

/// <summary>
/// What the four cmdlets call (TopologyCommands), run against the host kernel: the cmdlets
/// themselves only bind parameters, so this is their behaviour without a PowerShell host.
/// </summary>
public sealed class TopologyCommandsTests
{
    [Fact]
    public void GetExportsAHashtableThatSetTakesBackAsConverged()
    {
        using var lab = new TopologyLab();
        HostLab.Build(lab);

        var data = Assert.IsType<OrderedDictionary>(TopologyCommands.Export(null, HostLab.Names.Select(n => lab[n]), ownedOnly: false, asText: false));
        var text = Assert.IsType<string>(TopologyCommands.Export(null, new[] { lab["h1"] }, ownedOnly: true, asText: true));

        var request = new TopologyRequest { Data = data };
        Assert.Equal(new object[] { true }, TopologyCommands.Test(request with { Prune = true }, detailed: false));
        Assert.Empty(TopologyCommands.Test(request, detailed: true));
        Assert.Contains($"Name = '{lab["h1"]}'", text);
        Assert.Contains("Destination = 'default'", text);
    }

    [Fact]
    public void TheTopologysCurrentNamespaceStandsForTheOneTheCmdletNames()
    {
        using var lab = new TopologyLab();
        var target = lab.Create("target");
        var request = new TopologyRequest
        {
            Data = new Hashtable { ["Namespaces"] = new[] { new Hashtable { ["Name"] = "", ["Bridges"] = new[] { new Hashtable { ["Name"] = "br9" } } } } },
            CurrentNamespace = NetNamespace.Named(target),
        };

        Assert.Equal(target, Assert.Single(TopologyCommands.Load(request).Namespaces).Name);
        var steps = TopologyCommands.Test(request, detailed: true).Cast<PlanStep>().ToList();
        Assert.All(steps, s => Assert.Equal(target, s.Namespace));
        TopologyCommands.Apply(TopologyCommands.Plan(request), request);
        Assert.NotNull(IpOracle.Link(target, "br9"));
    }

    [Fact]
    public void APlanSavedByOneCallIsAppliedByAnotherAndReportsEachStep()
    {
        using var lab = new TopologyLab();
        var file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.json");
        try
        {
            var text = TopologyWriter.ToJson(HostLab.Load(lab));
            var topologyFile = Path.ChangeExtension(file, ".topology.json");
            File.WriteAllText(topologyFile, text);
            var saving = new TopologyRequest { Path = "lab.json", SavePlan = "plan.json", ResolvePath = p => p == "lab.json" ? topologyFile : file };

            var plan = TopologyCommands.Plan(saving);
            Assert.False(TopologyCommands.ShouldApply(saving));
            Assert.True(File.Exists(file));
            Assert.Contains(Wording.Count(plan.Steps.Count, "step"), TopologyCommands.DescribeApply(plan).Action);

            var applying = new TopologyRequest { PlanPath = file };
            var reported = new List<string>();
            var result = TopologyCommands.Apply(TopologyCommands.Plan(applying), applying, reported.Add);

            Assert.Equal(plan.Steps.Count, result.StepsApplied);
            Assert.Equal(plan.Steps.Count, reported.Count);
            Assert.StartsWith("  1. Add Namespace", reported[0]);
            File.Delete(topologyFile);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SetIpipMeshConvergesOneNodeAndDropsAPeerThatLeft()
    {
        using var lab = new TopologyLab();
        var node = lab.Create("node");
        // The host has no tunl0: a veth stands in (a mesh on another device only configures it).
        Command.Ip(node, "link", "add", "mesh0", "type", "veth", "peer", "name", "mesh0p").EnsureSuccess("ip link add");
        Command.Ip(node, "addr", "add", "10.42.1.9/32", "dev", "mesh0").EnsureSuccess("ip addr add");
        MeshRequest Request(Hashtable peers) => new() { Namespace = NetNamespace.Named(node), Address = "10.42.1.0", Device = "mesh0", Peers = peers, RouteMtu = 1440 };
        var three = new Hashtable { ["10.42.2.0/24"] = "172.16.165.244", ["10.42.3.0/24"] = "172.16.168.113", ["10.42.4.0/24"] = "172.16.170.5" };

        var plan = TopologyCommands.PlanMesh(Request(three));
        Assert.Contains("Apply topology plan: 6 steps", TopologyCommands.DescribeApply(plan).Action);
        var result = TopologyCommands.ApplyFresh(plan);

        Assert.Equal(6, result.ChangeRequests); // up, the stray /32 out, our /32 in, three routes
        var routes = IpOracle.Routes(node, "dev", "mesh0", "proto", "73").EnumerateArray().ToList();
        Assert.Equal(3, routes.Count);
        Assert.All(routes, r => Assert.Contains("onlink", r.Strings("flags")));
        Assert.True(TopologyCommands.PlanMesh(Request(three)).IsConverged);

        three.Remove("10.42.4.0/24");
        var shrink = TopologyCommands.PlanMesh(Request(three));
        var step = Assert.Single(shrink.Steps);
        Assert.Equal((PlanAction.Remove, "10.42.4.0/24"), (step.Action, step.Route!.Destination.ToString()));
    }

    [Fact]
    public void MeshPeersReadFromEitherShapeAndNothingElse()
    {
        var map = MeshPeers.Read(ObjectDataReader.Read(new OrderedDictionary { ["10.42.2.0/24"] = "172.16.165.244", ["10.42.3.0/24"] = "172.16.168.113" }));
        var list = MeshPeers.Read(ObjectDataReader.Read(new[] { new Hashtable { ["Block"] = "10.42.2.0/24", ["Underlay"] = "172.16.165.244" } }));
        var one = MeshPeers.Read(ObjectDataReader.Read(new Hashtable { ["block"] = "10.42.2.0/24", ["underlay"] = "172.16.165.244" }));

        Assert.Equal(new[] { new MeshPeer("10.42.2.0/24", "172.16.165.244"), new MeshPeer("10.42.3.0/24", "172.16.168.113") }, map);
        Assert.Equal(map.Take(1), list);
        Assert.Equal(map.Take(1), one);
        Assert.Contains("'Gateway' is not a setting of a mesh peer",
            Assert.Throws<TopologyFormatException>(() => MeshPeers.Read(ObjectDataReader.Read(new[] { new Hashtable { ["Block"] = "10.42.2.0/24", ["Underlay"] = "1.2.3.4", ["Gateway"] = "x" } }))).Message);
        Assert.Throws<TopologyFormatException>(() => MeshPeers.Read(ObjectDataReader.Read("10.42.2.0/24")));
    }
}
