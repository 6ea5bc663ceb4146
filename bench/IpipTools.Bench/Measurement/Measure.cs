using System.Diagnostics;

namespace IpipTools.Bench.Measurement;

/// <summary>Times work done in this process: wall, CPU (every thread), managed allocations, peak RSS growth.</summary>
internal static class Measure
{
    public static Sample InProcess(Action work)
    {
        var baseline = PeakMemory.ResetPeak();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = ResourceUsage.Self();
        var clock = Stopwatch.StartNew();
        work();
        clock.Stop();
        var cpu = ResourceUsage.Self() - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peakGrowth = Math.Max(0, PeakMemory.Peak() - baseline);
        return new Sample(clock.Elapsed, cpu.User, cpu.System, allocated, peakGrowth);
    }
}
