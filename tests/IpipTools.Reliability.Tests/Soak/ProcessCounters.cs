namespace IpipTools.Reliability.Tests.Soak;

/// <summary>What a leak would show: this process's open file descriptors and OS threads, as the kernel counts them.</summary>
internal static class ProcessCounters
{
    /// <summary>
    /// Open descriptors, less the assemblies and libraries the runtime maps when it first
    /// loads them (the test runner loads some of its own while a test runs): those are
    /// opened once per process, never per cycle, so they say nothing about a leak.
    /// </summary>
    public static int OpenFileDescriptors() => DescribeFileDescriptors().Count;

    /// <summary>What each counted descriptor is ("socket", "net:[4026532281]", "anon_inode:[eventfd]"), for a failure message.</summary>
    public static List<string> DescribeFileDescriptors() => Directory.GetFileSystemEntries("/proc/self/fd")
        .Select(fd => new FileInfo(fd).LinkTarget ?? "?")
        .Where(target => !target.EndsWith(".dll", StringComparison.Ordinal) && !target.Contains(".so", StringComparison.Ordinal))
        .Select(target => target.StartsWith("socket:", StringComparison.Ordinal) ? "socket" : target)
        .Order(StringComparer.Ordinal)
        .ToList();

    public static int Threads()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Threads:", StringComparison.Ordinal));
        return int.Parse(line["Threads:".Length..].Trim());
    }

    /// <summary>Lets finished threads be reaped and finalizers run, so counts settle before they are read.</summary>
    public static void Settle()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Thread.Sleep(50);
        }
    }
}
