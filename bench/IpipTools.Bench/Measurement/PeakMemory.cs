namespace IpipTools.Bench.Measurement;

/// <summary>
/// This process's resident set: now (VmRSS) and its high-water mark (VmHWM), which
/// writing "5" to /proc/self/clear_refs resets, so each measured operation gets its own peak.
/// </summary>
internal static class PeakMemory
{
    /// <summary>Collects and compacts first, so a peak is not inflated by garbage of an earlier operation.</summary>
    public static long ResetPeak()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        File.WriteAllText("/proc/self/clear_refs", "5");
        return ReadStatus("VmRSS:");
    }

    public static long Peak() => ReadStatus("VmHWM:");

    private static long ReadStatus(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kilobytes = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/self/status has no {field}");
    }
}
