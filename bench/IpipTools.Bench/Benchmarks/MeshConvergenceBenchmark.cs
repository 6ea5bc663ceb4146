using IpipTools.Core.Rtnl;
using IpipTools.Bench.Measurement;
using IpipTools.Core.DesiredState;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.DesiredState.Mesh;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Bench.Benchmarks;

/// <summary>
/// Benchmark 4: converge a Calico-style mesh of 1,000 peers (the node's /32 on the device and
/// an onlink route via each peer's underlay address) with the desired-state engine
/// (TopologyEngine.Set): from empty, again with nothing drifted (which must send zero change
/// requests), and after 1% of the routes were deleted behind its back. iproute2 has no
/// notion of drift, so its contestants are what a script would run: `ip -batch` adding
/// everything, and `ip -batch` replacing every route to repair any drift. The device is a
/// veth, so this runs on the host; Calico's tunl0 only differs in the device.
/// </summary>
internal static class MeshConvergenceBenchmark
{
    public const int Peers = 1000;
    private const string NodeAddress = "10.255.0.1";

    public static ResultTable Run(int peers, int repetitions)
    {
        var table = new ResultTable("Mesh convergence (desired state)", "peers", "scenario", "wall", "user", "system", "change requests", "vs ip -batch (wall)");
        var workload = new RouteWorkload(peers, BenchNamespace.Device);
        using var addBatch = new BatchFile(BatchLines(workload, "add"));
        using var replaceBatch = new BatchFile(BatchLines(workload, "replace"));
        var empty = new List<(Sample Sample, long Changes)>();
        var steady = new List<(Sample Sample, long Changes)>();
        var drift = new List<(Sample Sample, long Changes)>();
        var ipAdd = new List<Sample>();
        var ipReplace = new List<Sample>();

        // The engine's code paths are compiled on first use: converge a small mesh first, unmeasured.
        ConvergeWithIpipTools(new RouteWorkload(Math.Min(peers, 100), BenchNamespace.Device), new(), new(), new());
        Turns.Run(repetitions,
            () => ConvergeWithIpipTools(workload, empty, steady, drift),
            () => ConvergeWithIp(addBatch.Path, replaceBatch.Path, ipAdd, ipReplace));

        var ipAddMedian = Sample.Median(ipAdd);
        var ipReplaceMedian = Sample.Median(ipReplace);
        Row(table, peers, "IpipTools, from empty", empty, ipAddMedian);
        Row(table, peers, "IpipTools, nothing drifted", steady, ipReplaceMedian);
        Row(table, peers, "IpipTools, 1% of routes deleted", drift, ipReplaceMedian);
        table.Add([Format.Count(peers), "ip -batch: address and every route added", .. Format.Times(ipAddMedian), Format.Count(peers + 1), Format.Ratio(1)]);
        table.Add([Format.Count(peers), "ip -batch: every route replaced (a script's repair)", .. Format.Times(ipReplaceMedian), Format.Count(peers), Format.Ratio(1)]);
        table.Notes.Add("IpipTools reads the namespace, plans, and sends only the difference; the no-drift and drift rows are compared with the replace-everything batch, the empty row with the add batch.");
        return table;
    }

    private static void Row(ResultTable table, int peers, string scenario, List<(Sample Sample, long Changes)> runs, Sample ip)
    {
        var median = Sample.Median(runs.Select(r => r.Sample).ToList());
        var changes = runs.Select(r => r.Changes).Distinct().ToList();
        table.Add([Format.Count(peers), scenario, .. Format.Times(median), string.Join(" / ", changes.Select(c => Format.Count(c))), Format.Ratio(ip.Wall / median.Wall)]);
    }

    private static void ConvergeWithIpipTools(RouteWorkload workload, List<(Sample Sample, long Changes)> empty, List<(Sample Sample, long Changes)> steady, List<(Sample Sample, long Changes)> drift)
    {
        using var target = new BenchNamespace();
        var topology = MeshTopology.Generate(new MeshSpec
        {
            Namespace = target.Name,
            Device = BenchNamespace.Device,
            Address = NodeAddress,
            Peers = Enumerable.Range(0, workload.Count).Select(i => new MeshPeer(workload.Destination(i).ToString(), workload.Gateway(i).ToString())).ToList(),
        });

        empty.Add(Converge(topology, target, workload.Count));
        var unchanged = Converge(topology, target, workload.Count);
        if (unchanged.Changes != 0)
        {
            throw new InvalidOperationException($"a converged mesh sent {unchanged.Changes} change requests; it must send none");
        }

        steady.Add(unchanged);
        using (var client = target.Connect())
        {
            var drifted = Enumerable.Range(0, workload.Count).Where(i => i % 100 == 0)
                .Select(i => new Route(workload.Destination(i)) { Gateway = workload.Gateway(i), Device = workload.Device, OnLink = true, Protocol = Ownership.Protocol });
            client.Routes.DeleteMany(drifted).ThrowIfAnyFailed();
        }

        drift.Add(Converge(topology, target, workload.Count));
    }

    /// <summary>One TopologyEngine.Set through a fresh pool, so each run opens its own connection, as a cmdlet does.</summary>
    private static (Sample Sample, long Changes) Converge(Topology topology, BenchNamespace target, int expectedRoutes)
    {
        long changes = 0;
        var sample = Measure.InProcess(() =>
        {
            using var clients = new ClientPool();
            changes = TopologyEngine.Set(topology, clients).ChangeRequests;
        });
        using var client = target.Connect();
        var routes = 0;
        client.Routes.Stream(new RouteQuery { Device = BenchNamespace.Device }, route => routes += route.OnLink ? 1 : 0);
        if (routes != expectedRoutes)
        {
            throw new InvalidOperationException($"the mesh converged to {routes} routes, expected {expectedRoutes}");
        }

        return (sample, changes);
    }

    private static void ConvergeWithIp(string addBatch, string replaceBatch, List<Sample> add, List<Sample> replace)
    {
        using var target = new BenchNamespace();
        add.Add(IpProcess.Run(["-n", target.Name, "-batch", addBatch]));
        replace.Add(IpProcess.Run(["-n", target.Name, "-batch", replaceBatch]));
    }

    private static IEnumerable<string> BatchLines(RouteWorkload workload, string verb)
    {
        var address = verb == "add" ? new[] { $"address add {NodeAddress}/32 dev {workload.Device}" } : [];
        return address.Concat(Enumerable.Range(0, workload.Count).Select(i =>
            $"route {verb} {workload.Destination(i)} via {workload.Gateway(i)} dev {workload.Device} onlink proto {Ownership.Protocol.ToIpString()}"));
    }
}
