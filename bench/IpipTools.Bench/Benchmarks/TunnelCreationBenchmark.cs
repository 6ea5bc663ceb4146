using System.Net;
using IpipTools.Bench.Measurement;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.Bench.Benchmarks;

/// <summary>
/// Benchmark 3: create N ipip tunnels (distinct remotes, one local address) in a fresh
/// namespace: IpipTools' Tunnels.Create, one after another (each returns the tunnel as
/// the kernel reports it), against `ip -batch` of `link add ... type ipip`. Needs a kernel
/// with ipip: bench/kernel/run.sh runs it in the qemu guest; on a host without the driver
/// the table says so instead of failing.
/// </summary>
internal static class TunnelCreationBenchmark
{
    private static readonly IPAddress Local = IPAddress.Parse("192.0.2.1");

    public static ResultTable Run(int count, int repetitions)
    {
        var table = new ResultTable("ipip tunnel creation", "tunnels", "contestant", "wall", "user", "system", "throughput", "allocated", "vs ip -batch (wall)");
        if (!KernelHasIpip(out var reason))
        {
            table.Notes.Add($"Not run: {reason}. Run `bash bench/kernel/run.sh` to measure it in the qemu guest.");
            return table;
        }

        using var batchFile = new BatchFile(Enumerable.Range(0, count).Select(i => $"link add {Name(i)} type ipip local {Local} remote {Remote(i)}"));
        var ours = new List<Sample>();
        var oursBatched = new List<Sample>();
        var batch = new List<Sample>();
        Turns.Run(repetitions, TeardownPause,
            () => ours.Add(CreateWithIpipTools(count)),
            () => oursBatched.Add(CreateWithIpipToolsBatch(count)),
            () => batch.Add(CreateWithIpBatch(batchFile.Path, count)));

        var oursMedian = Sample.Median(ours);
        var batchedMedian = Sample.Median(oursBatched);
        var batchMedian = Sample.Median(batch);
        table.AddThroughput(count, "IpipTools Tunnels.Create, one by one", oursMedian, batchMedian);
        table.AddThroughput(count, "IpipTools link creation batch (each read back)", batchedMedian, batchMedian);
        table.AddThroughput(count, "ip -batch (link add type ipip)", batchMedian, batchMedian);
        table.Notes.Add($"{Format.Count(count)} tunnels: IpipTools {Format.Ratio(batchMedian.Wall / batchedMedian.Wall)} `ip -batch` throughput batched, " +
            $"{Format.Ratio(batchMedian.Wall / oursMedian.Wall)} one by one (each Tunnels.Create also reads the new tunnel back, as the cmdlet returns it).");
        return table;
    }

    private static string Name(int i) => $"bt{i}";

    private static IPAddress Remote(int i) => new([198, 18, (byte)(i / 250), (byte)(i % 250 + 1)]);

    /// <summary>
    /// A namespace holding a thousand tunnels is torn down by a kernel worker after it is
    /// deleted; the next contestant waits so that the teardown does not run in its time.
    /// </summary>
    private static readonly TimeSpan TeardownPause = TimeSpan.FromSeconds(3);

    private static Sample CreateWithIpipTools(int count)
    {
        using var target = new BenchNamespace(withDevice: false);
        var sample = Measure.InProcess(() =>
        {
            using var client = target.Connect();
            for (var i = 0; i < count; i++)
            {
                client.Tunnels.Create(Link.Of(Name(i), new IpipParameters { Local = Local, Remote = Remote(i) }));
            }
        });
        Verify(target, count, "IpipTools");
        return sample;
    }

    private static Sample CreateWithIpipToolsBatch(int count)
    {
        using var target = new BenchNamespace(withDevice: false);
        var specs = Enumerable.Range(0, count).Select(i => Link.Of(Name(i), new IpipParameters { Local = Local, Remote = Remote(i) })).ToList();
        var sample = Measure.InProcess(() =>
        {
            using var client = target.Connect();
            using var batch = client.Links.CreateBatch();
            foreach (var spec in specs)
            {
                batch.Queue(spec);
            }

            if (batch.Send().FirstOrDefault(o => o.Error is not null) is { } failed)
            {
                throw failed.Error!;
            }
        });
        Verify(target, count, "IpipTools batched");
        return sample;
    }

    private static Sample CreateWithIpBatch(string batchFile, int count)
    {
        using var target = new BenchNamespace(withDevice: false);
        var sample = IpProcess.Run(["-n", target.Name, "-batch", batchFile]);
        Verify(target, count, "ip -batch");
        return sample;
    }

    private static void Verify(BenchNamespace target, int count, string contestant)
    {
        using var client = target.Connect();
        var made = client.Tunnels.List("ipip").Count(t => !t.IsFallback);
        if (made != count)
        {
            throw new InvalidOperationException($"{contestant} left {made} ipip tunnels, expected {count}");
        }
    }

    /// <summary>Probes with one tunnel in a throwaway namespace.</summary>
    private static bool KernelHasIpip(out string reason)
    {
        using var probe = new BenchNamespace(withDevice: false);
        using var client = probe.Connect();
        try
        {
            client.Tunnels.Create(Link.Of("probe0", new IpipParameters { Local = Local, Remote = Remote(0) }));
            reason = string.Empty;
            return true;
        }
        catch (IpipToolsException e) when (e.ErrorId == "KernelLacksLinkKind")
        {
            reason = "this kernel has no ipip driver";
            return false;
        }
    }
}
