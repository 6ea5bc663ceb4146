using IpipTools.Core.Rtnl;
using System.Diagnostics;
using IpipTools.Core.DesiredState;
using IpipTools.Core.DesiredState.Mesh;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.KernelTests;

/// <summary>
/// One node's view of a 200-node Calico-style mesh (tunl0 with one /32 and 199 onlink
/// routes with an MTU), converged by the desired-state engine from empty, again on converged
/// state (nothing sent), and from drift; the times are written to the test output. The first
/// convergence pays for JIT compilation, which software emulation makes slow, so a second
/// node is converged afterwards for warm figures; iproute2 programming the same 199 routes
/// with -batch is timed alongside for scale.
/// </summary>
public sealed class DesiredStateMeshScaleTests
{
    private const int Nodes = 200;

    [Fact]
    public void A200NodeMeshViewConvergesFromEmptyAndFromDrift()
    {
        KernelTestEnvironment.RequireKernel();
        using var lab = new TopologyLab("mesh", "node", "warm", "iproute2");
        var node = lab["node"];
        var desired = MeshView(node);
        using var clients = new ClientPool();

        // From empty: tunl0 down with no address or route, as the module leaves it.
        var fromEmpty = Timed(() => TopologyEngine.Set(desired, clients));
        Assert.Equal(1 + 1 + (Nodes - 1), fromEmpty.Result.StepsApplied);
        Assert.Equal(fromEmpty.Result.StepsApplied, (int)fromEmpty.Result.ChangeRequests);
        var routes = IpOracle.Routes(node, "dev", "tunl0", "proto", "73").EnumerateArray().ToList();
        Assert.Equal(Nodes - 1, routes.Count);
        Assert.All(routes, r => Assert.Contains("onlink", r.Strings("flags")));
        Assert.All(routes, r => Assert.Equal(1440, r.GetProperty("metrics")[0].GetProperty("mtu").GetInt32()));

        // Converged: reads only.
        var requests = clients.ChangeRequestCount;
        var converged = Timed(() => TopologyEngine.Set(desired, clients));
        Assert.Equal(0, converged.Result.StepsApplied);
        Assert.Equal(requests, clients.ChangeRequestCount);

        // Drift: 20 routes deleted, 10 pointed at another gateway, 5 strays of ours added
        // through tunl0, a second address on tunl0; and a route of someone else's, which stays.
        var batch = new List<string>();
        batch.AddRange(Enumerable.Range(2, 20).Select(n => $"route del 10.60.{n}.0/24 dev tunl0"));
        batch.AddRange(Enumerable.Range(30, 10).Select(n => $"route replace 10.60.{n}.0/24 via 172.21.0.{n} dev tunl0 onlink proto 73 mtu 1440"));
        batch.AddRange(Enumerable.Range(1, 5).Select(n => $"route add 10.61.{n}.0/24 via 172.21.1.{n} dev tunl0 onlink proto 73"));
        batch.Add("address add 10.60.1.9/32 dev tunl0");
        batch.Add("route add 10.62.0.0/16 via 172.21.2.1 dev tunl0 onlink");
        IpBatch(node, batch);

        var drift = TopologyEngine.Plan(desired, clients);
        Assert.Equal(20 + 10 + 5 + 1, drift.Steps.Count);
        Assert.Equal(20, drift.Steps.Count(s => s is { Action: PlanAction.Add, Kind: PlanObjectKind.Route }));
        Assert.Equal(10, drift.Steps.Count(s => s is { Action: PlanAction.Change, Kind: PlanObjectKind.Route }));
        Assert.Equal(5, drift.Steps.Count(s => s is { Action: PlanAction.Remove, Kind: PlanObjectKind.Route }));
        Assert.Single(drift.Steps, s => s is { Action: PlanAction.Remove, Kind: PlanObjectKind.Address });
        var repaired = Timed(() => TopologyEngine.Set(desired, clients));
        Assert.Equal(36, repaired.Result.ChangeRequests);
        Assert.True(TopologyEngine.Test(desired, clients));
        Assert.Equal(1, IpOracle.Routes(node, "10.62.0.0/16").GetArrayLength());

        // For scale: iproute2 adding the same 199 routes in one -batch run.
        var other = lab["iproute2"];
        IpBatch(other, new[] { "link set tunl0 up", "address add 10.60.1.0/32 dev tunl0" });
        var iproute2 = Timed(() =>
        {
            IpBatch(other, Enumerable.Range(2, Nodes - 1).Select(n => $"route add 10.60.{n}.0/24 via 172.20.0.{n} dev tunl0 onlink proto 73 mtu 1440"));
            return 0;
        });

        // Warm: another node from empty, then converged.
        var warm = MeshView(lab["warm"]);
        var warmFromEmpty = Timed(() => TopologyEngine.Set(warm, clients));
        var warmConverged = Timed(() => TopologyEngine.Set(warm, clients));
        Assert.Equal(201, warmFromEmpty.Result.ChangeRequests);
        Assert.Equal(0, warmConverged.Result.ChangeRequests);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"mesh view of {Nodes} nodes ({Nodes - 1} onlink routes): cold from empty {fromEmpty.Elapsed.TotalMilliseconds:0} ms ({fromEmpty.Result}); "
            + $"converged re-run {converged.Elapsed.TotalMilliseconds:0} ms ({converged.Result}); "
            + $"from drift ({drift.Steps.Count} steps) {repaired.Elapsed.TotalMilliseconds:0} ms ({repaired.Result}); "
            + $"warm from empty {warmFromEmpty.Elapsed.TotalMilliseconds:0} ms ({warmFromEmpty.Result}); "
            + $"warm converged re-run {warmConverged.Elapsed.TotalMilliseconds:0} ms; "
            + $"iproute2 -batch of the {Nodes - 1} routes {iproute2.Elapsed.TotalMilliseconds:0} ms");
    }

    private static Topology MeshView(string netns) => MeshTopology.Generate(new MeshSpec
    {
        Namespace = netns,
        Address = "10.60.1.0",
        Peers = Enumerable.Range(2, Nodes - 1).Select(n => new MeshPeer($"10.60.{n}.0/24", $"172.20.0.{n}")).ToList(),
        RouteMtu = 1440,
    });

    private static (T Result, TimeSpan Elapsed) Timed<T>(Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var result = work();
        return (result, clock.Elapsed);
    }

    /// <summary>`ip -n NS -batch FILE`: many iproute2 commands in one process.</summary>
    private static void IpBatch(string netns, IEnumerable<string> commands)
    {
        var file = Path.Combine(Path.GetTempPath(), $"batch-{Guid.NewGuid():N}");
        File.WriteAllLines(file, commands);
        try
        {
            Command.Ip(netns, "-batch", file).EnsureSuccess("ip -batch");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
