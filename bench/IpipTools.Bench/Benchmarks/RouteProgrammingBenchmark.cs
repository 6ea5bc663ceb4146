using IpipTools.Bench.Measurement;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Bench.Benchmarks;

/// <summary>
/// Benchmark 1: program N onlink routes via gateways on a veth device, each contestant in
/// a fresh namespace: IpipTools' batched AddMany, `ip -batch`, and one `ip route add`
/// process per route (a sample of them, extrapolated to N). Contestants take turns within
/// each repetition, so a burst of load from elsewhere hits all of them alike; the table
/// shows the medians.
/// </summary>
internal static class RouteProgrammingBenchmark
{
    /// <summary>The target: IpipTools at least this many times `ip -batch`'s throughput.</summary>
    public const double TargetSpeedup = 1.25;

    public static ResultTable Run(IReadOnlyList<int> counts, int repetitions, int perProcessSample)
    {
        var table = new ResultTable("Onlink route programming",
            "routes", "contestant", "wall", "user", "system", "throughput", "allocated", "vs ip -batch (wall)");
        foreach (var count in counts)
        {
            var workload = new RouteWorkload(count, BenchNamespace.Device);
            var specs = workload.Specs();
            using var batchFile = new BatchFile(workload.BatchLines());
            var sample = Math.Min(perProcessSample, count);
            var ours = new List<Sample>();
            var batch = new List<Sample>();
            var perProcess = new List<Sample>();
            Turns.Run(repetitions,
                () => ours.Add(ProgramWithIpipTools(specs, count)),
                () => batch.Add(ProgramWithIpBatch(batchFile.Path, count)),
                () => perProcess.Add(ProgramWithIpPerRoute(workload, sample).Scale(count / (double)sample)));

            var oursMedian = Sample.Median(ours);
            var batchMedian = Sample.Median(batch);
            var perProcessMedian = Sample.Median(perProcess);
            table.AddThroughput(count, "IpipTools AddMany (one connection, batched)", oursMedian, batchMedian);
            table.AddThroughput(count, "ip -batch", batchMedian, batchMedian);
            table.AddThroughput(count, $"ip route add, one process per route ({sample} run, ×{count / (double)sample:0.#})", perProcessMedian, batchMedian);

            var speedup = batchMedian.Wall / oursMedian.Wall;
            table.Notes.Add($"{Format.Count(count)} routes: IpipTools {Format.Ratio(speedup)} `ip -batch` throughput " +
                $"(target ≥ {Format.Ratio(TargetSpeedup)}: {(speedup >= TargetSpeedup ? "met" : "missed")}); " +
                $"wall time over system (kernel) time: IpipTools {Format.Ratio(oursMedian.Wall / Nonzero(oursMedian.System))} " +
                $"({Format.Seconds(oursMedian.Wall)} wall, {Format.Seconds(oursMedian.System)} system), " +
                $"`ip -batch` {Format.Ratio(batchMedian.Wall / Nonzero(batchMedian.System))}.");
        }

        return table;
    }

    /// <summary>Tiny runs can finish inside one clock tick of system time.</summary>
    private static TimeSpan Nonzero(TimeSpan time) => time > TimeSpan.Zero ? time : TimeSpan.FromMicroseconds(1);

    /// <summary>Open a connection into the namespace, send every route, close: the whole operation.</summary>
    private static Sample ProgramWithIpipTools(List<Route> specs, int expected)
    {
        using var target = new BenchNamespace();
        var sample = Measure.InProcess(() =>
        {
            using var client = target.Connect();
            var result = client.Routes.AddMany(specs);
            result.ThrowIfAnyFailed();
        });
        Verify(target, expected, "IpipTools AddMany");
        return sample;
    }

    private static Sample ProgramWithIpBatch(string batchFile, int expected)
    {
        using var target = new BenchNamespace();
        var sample = IpProcess.Run(["-n", target.Name, "-batch", batchFile]);
        Verify(target, expected, "ip -batch");
        return sample;
    }

    private static Sample ProgramWithIpPerRoute(RouteWorkload workload, int sample)
    {
        using var target = new BenchNamespace();
        var result = IpProcess.RunEach(Enumerable.Range(0, sample).Select(i => (IReadOnlyList<string>)["-n", target.Name, .. workload.IpArguments(i)]));
        Verify(target, sample, "ip route add per route");
        return result;
    }

    /// <summary>Every contestant must have left exactly the routes it was asked for.</summary>
    private static void Verify(BenchNamespace target, int expected, string contestant)
    {
        using var client = target.Connect();
        var count = 0;
        client.Routes.Stream(new RouteQuery { Device = BenchNamespace.Device }, route =>
        {
            if (route.OnLink && route.Gateway is not null)
            {
                count++;
            }
        });
        if (count != expected)
        {
            throw new InvalidOperationException($"{contestant} left {count} onlink routes on {BenchNamespace.Device}, expected {expected}");
        }
    }
}
