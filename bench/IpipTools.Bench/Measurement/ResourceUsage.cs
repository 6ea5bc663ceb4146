using System.Runtime.InteropServices;

namespace IpipTools.Bench.Measurement;

/// <summary>
/// CPU time from getrusage(2): for this process (every thread: the caller, the GC, the
/// JIT) or for the children it has waited for, which is how an `ip` child's own user
/// and kernel time is read after it exits.
/// </summary>
internal static partial class ResourceUsage
{
    private const int RusageSelf = 0;
    private const int RusageChildren = -1;

    public readonly record struct CpuTimes(TimeSpan User, TimeSpan System)
    {
        public static CpuTimes operator -(CpuTimes after, CpuTimes before) =>
            new(after.User - before.User, after.System - before.System);
    }

    public static CpuTimes Self() => Read(RusageSelf);

    /// <summary>Summed over every child reaped so far; take a difference around one child's run.</summary>
    public static CpuTimes Children() => Read(RusageChildren);

    private static CpuTimes Read(int who)
    {
        if (GetRusage(who, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return new CpuTimes(ToTimeSpan(usage.UserTime), ToTimeSpan(usage.SystemTime));
    }

    private static TimeSpan ToTimeSpan(TimeValue value) =>
        TimeSpan.FromTicks(value.Seconds * TimeSpan.TicksPerSecond + value.Microseconds * TimeSpan.TicksPerMicrosecond);

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, out RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;
    }

    /// <summary><c>struct rusage</c> on 64-bit Linux: two timevals and fourteen longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct RUsage
    {
        public TimeValue UserTime;
        public TimeValue SystemTime;
        public fixed long Rest[14];
    }
}
