using IpipTools.Bench.Measurement;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Bench.Benchmarks;

/// <summary>
/// Benchmark 2: read back a table of N routes. `ip -j route show` (JSON to /dev/null)
/// against IpipTools streaming every route as a Route (Routes.Stream) and building
/// the whole list (Routes.List). Streaming must keep memory flat: the table reports the
/// growth of the process's peak RSS and the managed bytes allocated per route.
/// </summary>
internal static class RouteDumpBenchmark
{
    /// <summary>The target: IpipTools' wall time at most this fraction of `ip -j route show`'s.</summary>
    public const double TargetWallFraction = 0.5;

    /// <summary>A dump takes a tenth of a second, so each repetition runs it several times: one slice of load from elsewhere cannot decide the median.</summary>
    private const int RunsPerRepetition = 5;

    public static ResultTable Run(IReadOnlyList<int> counts, int repetitions)
    {
        var table = new ResultTable("Dump of the routing table",
            "routes", "contestant", "wall", "user", "system", "allocated per route", "peak RSS growth", "vs ip -j (wall)");
        foreach (var count in counts)
        {
            using var target = new BenchNamespace();
            var workload = new RouteWorkload(count, BenchNamespace.Device);
            using (var client = target.Connect())
            {
                client.Routes.AddMany(workload.Specs()).ThrowIfAnyFailed();
            }

            var ip = new List<Sample>();
            var stream = new List<Sample>();
            var list = new List<Sample>();
            Turns.Run(repetitions * RunsPerRepetition,
                () => ip.Add(IpProcess.Run(["-n", target.Name, "-j", "route", "show"], discardOutput: true)),
                () => stream.Add(Stream(target, count)),
                () => list.Add(List(target, count)));

            var ipMedian = Sample.Median(ip);
            var streamMedian = Sample.Median(stream);
            var listMedian = Sample.Median(list);
            table.Add([Format.Count(count), "IpipTools Routes.Stream", .. Format.Times(streamMedian),
                Format.PerItem(streamMedian.AllocatedBytes, count), Format.Bytes(streamMedian.PeakGrowthBytes), Format.Ratio(streamMedian.Wall / ipMedian.Wall)]);
            table.Add([Format.Count(count), "IpipTools Routes.List", .. Format.Times(listMedian),
                Format.PerItem(listMedian.AllocatedBytes, count), Format.Bytes(listMedian.PeakGrowthBytes), Format.Ratio(listMedian.Wall / ipMedian.Wall)]);
            table.Add([Format.Count(count), "ip -j route show > /dev/null", .. Format.Times(ipMedian), "–", "–", Format.Ratio(1)]);

            var fraction = streamMedian.Wall / ipMedian.Wall;
            table.Notes.Add($"{Format.Count(count)} routes: Routes.Stream takes {Format.Ratio(fraction)} the wall time of `ip -j route show` " +
                $"(target ≤ {Format.Ratio(TargetWallFraction)}: {(fraction <= TargetWallFraction ? "met" : "missed")}); Routes.List {Format.Ratio(listMedian.Wall / ipMedian.Wall)}.");
        }

        if (counts.Count > 1)
        {
            table.Notes.Add("Streaming memory is flat when the peak RSS growth of Routes.Stream does not grow with the route count (Routes.List keeps every route, so it does).");
        }

        return table;
    }

    private static Sample Stream(BenchNamespace target, int expected)
    {
        var seen = 0;
        var sample = Measure.InProcess(() =>
        {
            using var client = target.Connect();
            client.Routes.Stream(RouteQuery.MainTable, _ => seen++);
        });
        Check(seen, expected, "Routes.Stream");
        return sample;
    }

    private static Sample List(BenchNamespace target, int expected)
    {
        var seen = 0;
        var sample = Measure.InProcess(() =>
        {
            using var client = target.Connect();
            seen = client.Routes.List().Count;
        });
        Check(seen, expected, "Routes.List");
        return sample;
    }

    private static void Check(int seen, int expected, string contestant)
    {
        if (seen != expected)
        {
            throw new InvalidOperationException($"{contestant} read {seen} routes, expected {expected}");
        }
    }
}
