using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Reliability.Tests.Soak;

/// <summary>
/// 10,000 cycles of opening and closing a connection into a namespace and of entering and
/// leaving it on a worker thread. Each cycle opens a namespace descriptor, a socket and two
/// threads; any of them left behind would show in the counts by the thousand. The caller's
/// own thread must never change namespace.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class NamespaceSoakTests
{
    private const int Cycles = 10_000;
    private const int WarmUpCycles = 200;

    [Fact]
    public void ConnectionAndEnterLeaveCyclesLeaveFdsThreadsAndTheCallerFlat()
    {
        using var ns = new TestNamespace("soak");
        var callerNamespace = NamespaceThread.CurrentThreadNamespaceId();
        var targetNamespace = NamespaceThread.NamespaceId(ns.Namespace);
        Assert.NotEqual(callerNamespace, targetNamespace);

        for (var i = 0; i < WarmUpCycles; i++)
        {
            Cycle(ns, targetNamespace);
        }

        ProcessCounters.Settle();
        var fdsBefore = ProcessCounters.OpenFileDescriptors();
        var describedBefore = ProcessCounters.DescribeFileDescriptors();
        var threadsBefore = ProcessCounters.Threads();
        var peakFds = fdsBefore;
        var describedAtPeak = describedBefore;
        var peakThreads = threadsBefore;
        for (var i = 0; i < Cycles; i++)
        {
            Cycle(ns, targetNamespace);
            if (i % 500 == 0)
            {
                Assert.Equal(callerNamespace, NamespaceThread.CurrentThreadNamespaceId());
                var fds = ProcessCounters.OpenFileDescriptors();
                if (fds > peakFds)
                {
                    peakFds = fds;
                    describedAtPeak = ProcessCounters.DescribeFileDescriptors();
                }

                peakThreads = Math.Max(peakThreads, ProcessCounters.Threads());
            }
        }

        ProcessCounters.Settle();
        var fdsAfter = ProcessCounters.OpenFileDescriptors();
        var threadsAfter = ProcessCounters.Threads();
        Assert.Equal(callerNamespace, NamespaceThread.CurrentThreadNamespaceId());

        // The runtime may start a helper thread or open a file of its own along the way;
        // a leak of one per cycle would be thousands.
        Assert.True(fdsAfter <= fdsBefore + 2, $"open descriptors went from {fdsBefore} to {fdsAfter} (peak {peakFds}) over {Cycles} cycles; new: " +
            string.Join(", ", Difference(ProcessCounters.DescribeFileDescriptors(), describedBefore)));
        Assert.True(threadsAfter <= threadsBefore + 3, $"threads went from {threadsBefore} to {threadsAfter} (peak {peakThreads}) over {Cycles} cycles");
        Assert.True(peakFds <= fdsBefore + 8, $"open descriptors peaked at {peakFds} (from {fdsBefore}); new at the peak: " +
            string.Join(", ", Difference(describedAtPeak, describedBefore)));
        Assert.True(peakThreads <= threadsBefore + 8, $"threads peaked at {peakThreads} (from {threadsBefore})");
    }

    private static IEnumerable<string> Difference(List<string> after, List<string> before)
    {
        var remaining = before.ToList();
        foreach (var item in after)
        {
            if (!remaining.Remove(item))
            {
                yield return item;
            }
        }
    }

    private static void Cycle(TestNamespace ns, string targetNamespace)
    {
        using (var client = RtnetlinkClient.Open(ns.Namespace))
        {
            // A request on every connection: a socket that opened but cannot talk is a failure too.
            Assert.NotNull(client.Links.Find("lo"));
        }

        Assert.Equal(targetNamespace, NamespaceThread.Run(ns.Namespace, NamespaceThread.CurrentThreadNamespaceId));
    }
}
