using System.Runtime.InteropServices;
using IpipTools.Bench.Measurement;

namespace IpipTools.Bench;

/// <summary>What the figures were measured on: RESULTS.md records it next to them.</summary>
internal sealed record MachineInfo(int Processors, string Kernel, string Cpu, string Runtime, string IpVersion)
{
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        File.ReadAllText("/proc/sys/kernel/osrelease").Trim(),
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown",
        RuntimeInformation.FrameworkDescription,
        IpProcess.Version());

    /// <summary>The 1-minute load average: other work on a shared 2-core machine skews wall times.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
