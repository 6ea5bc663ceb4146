using System.Collections;
using System.Collections.Specialized;
using IpipTools.Core.DesiredState;
using IpipTools.Core.DesiredState.Apply;
using IpipTools.Core.DesiredState.Data;
using IpipTools.Core.DesiredState.Export;
using IpipTools.Core.DesiredState.Mesh;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.TestSupport;
using Xunit;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.DesiredState.Tests.Live;

/// <summary>
/// The calls the four cmdlets make through <see cref="TopologyEngine"/>, run against the
/// host kernel with the pieces the cmdlets add (the data as a hashtable, a saved plan file,
/// a mesh's peers as data) made here as the cmdlets make them.
/// </summary>
public sealed class TopologyEngineTests
{
    [Fact]
    public void GetExportsAHashtableThatSetTakesBackAsConverged()
    {
        using var lab = new TopologyLab();
        HostLab.Build(lab);
        using var clients = new ClientPool();

        var data = TopologyWriter.ToData(TopologyExporter.Export(TopologyEngine.Read(HostLab.Names.Select(n => lab[n]), clients)));
        var text = TopologyWriter.ToPowerShellData(TopologyExporter.Export(TopologyEngine.Read(new[] { lab["h1"] }, clients), new ExportOptions { OwnedOnly = true }));

        var exported = TopologyLoader.FromObject(data);
        Assert.True(TopologyEngine.Test(exported, clients, new PlanOptions { Prune = true }));
        Assert.Empty(TopologyEngine.Plan(exported, clients).Steps);
        Assert.Contains($"Name = '{lab["h1"]}'", text);
        Assert.Contains("Destination = 'default'", text);
    }

    [Fact]
    public void PlanAndApplyShareTheConnectionsThePlanOpened()
    {
        using var lab = new TopologyLab();
        var target = lab.Create("target");
        var data = new Hashtable { ["Namespaces"] = new[] { new Hashtable { ["Name"] = "", ["Bridges"] = new[] { new Hashtable { ["Name"] = "br9" } } } } };
        var desired = TopologyLoader.FromObject(data).RenameNamespaces(new Dictionary<string, string> { [TopologyNamespace.Current] = TopologyNamespace.Of(NetNamespace.Named(target)) });
        using var clients = new ClientPool();

        var plan = TopologyEngine.Plan(desired, clients);
        var opened = clients.Get(NetNamespace.Named(target));
        Assert.All(plan.Steps, s => Assert.Equal(target, s.Namespace));
        var result = TopologyEngine.Apply(plan, clients, new ApplyOptions { CheckFingerprint = false });

        Assert.Same(opened, clients.Get(NetNamespace.Named(target)));
        Assert.Equal(result.ChangeRequests, opened.Connection.ChangeRequestCount);
        Assert.NotNull(IpOracle.Link(target, "br9"));
    }

    [Fact]
    public void APlanSavedAsJsonIsAppliedLaterAndReportsEachStep()
    {
        using var lab = new TopologyLab();
        var file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.json");
        try
        {
            TopologyPlan plan;
            using (var planning = new ClientPool())
            {
                plan = TopologyEngine.Plan(HostLab.Load(lab), planning);
                File.WriteAllText(file, plan.ToJson());
            }

            Assert.Contains(Wording.Count(plan.Steps.Count, "step"), plan.Summary());
            var reported = new List<string>();
            using var clients = new ClientPool();
            var result = TopologyEngine.Apply(TopologyPlan.FromJson(File.ReadAllText(file)), clients, new ApplyOptions { BeforeStep = s => reported.Add(s.ToString()) });

            Assert.Equal(plan.Steps.Count, result.StepsApplied);
            Assert.Equal(plan.Steps.Select(s => s.ToString()), reported);
            Assert.StartsWith("  1. Add Namespace", reported[0]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AMeshConvergesOneNodeAndDropsAPeerThatLeft()
    {
        using var lab = new TopologyLab();
        var node = lab.Create("node");
        // The host has no tunl0: a veth stands in (a mesh on another device only configures it).
        Command.Ip(node, "link", "add", "mesh0", "type", "veth", "peer", "name", "mesh0p").EnsureSuccess("ip link add");
        Command.Ip(node, "addr", "add", "10.42.1.9/32", "dev", "mesh0").EnsureSuccess("ip addr add");
        Topology Mesh(Hashtable peers) => MeshTopology.Generate(new MeshSpec
        {
            Namespace = node, Address = "10.42.1.0", Device = "mesh0", Peers = MeshPeers.Read(ObjectDataReader.Read(peers)), RouteMtu = 1440,
        });
        var three = new Hashtable { ["10.42.2.0/24"] = "172.16.165.244", ["10.42.3.0/24"] = "172.16.168.113", ["10.42.4.0/24"] = "172.16.170.5" };
        using var clients = new ClientPool();

        var plan = TopologyEngine.Plan(Mesh(three), clients);
        Assert.Contains("Apply topology plan: 6 steps", plan.Summary());
        var result = TopologyEngine.Apply(plan, clients, new ApplyOptions { CheckFingerprint = false });

        Assert.Equal(6, result.ChangeRequests); // up, the stray /32 out, our /32 in, three routes
        var routes = IpOracle.Routes(node, "dev", "mesh0", "proto", "73").EnumerateArray().ToList();
        Assert.Equal(3, routes.Count);
        Assert.All(routes, r => Assert.Contains("onlink", r.Strings("flags")));
        Assert.True(TopologyEngine.Test(Mesh(three), clients));

        three.Remove("10.42.4.0/24");
        var step = Assert.IsType<RemoveRoute>(Assert.Single(TopologyEngine.Plan(Mesh(three), clients).Steps));
        Assert.Equal("10.42.4.0/24", step.Route.Destination.ToString());
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
