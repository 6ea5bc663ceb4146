using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

/// <summary>
/// setns(2) moves only the calling thread, so every namespace operation runs on a
/// short-lived thread of its own. Proof: the caller's thread is in the same
/// namespace before and after many operations in several namespaces (from one
/// thread and from many at once), each operation still lands in its namespace,
/// and no thread of the process other than those workers is anywhere else.
/// </summary>
public sealed class NamespaceThreadSafetyTests
{
    private const string WorkerThreadComm = "IpipTools names"; // "IpipTools namespace worker", cut to 15 bytes by the kernel

    [Fact]
    public void CallersThreadNeverChangesNamespace()
    {
        using var a = new TestNamespace("thr");
        using var b = new TestNamespace("thr");
        using var c = new TestNamespace("thr");
        var namespaces = new[] { a, b, c };
        var home = NamespaceThread.CurrentThreadNamespaceId();

        for (var i = 0; i < 12; i++)
        {
            var here = namespaces[i % 3];
            var there = namespaces[(i + 1) % 3];
            using (var client = here.Connect())
            {
                client.Links.Add(Link.Of($"v{i}", new VethParameters($"p{i}", there.Namespace)));
                client.Links.List();
            }

            Ipv4Forwarding.Set(here.Namespace, i % 2 == 0);
            Assert.Equal(i % 2 == 0, Ipv4Forwarding.IsEnabled(here.Namespace));
            Assert.NotEqual(home, NamespaceThread.NamespaceId(here.Namespace));
            Assert.Equal(home, NamespaceThread.CurrentThreadNamespaceId());
        }

        for (var i = 0; i < 12; i++)
        {
            Assert.NotNull(IpOracle.Link(namespaces[i % 3].Name, $"v{i}"));
            Assert.NotNull(IpOracle.Link(namespaces[(i + 1) % 3].Name, $"p{i}"));
        }

        Assert.Equal(home, NamespaceThread.CurrentThreadNamespaceId());
        Assert.Empty(ThreadsOutside(home));
    }

    [Fact]
    public void ManyThreadsAtOnceEachStayHome()
    {
        using var a = new TestNamespace("thr");
        using var b = new TestNamespace("thr");
        var home = NamespaceThread.CurrentThreadNamespaceId();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var mine = NamespaceThread.CurrentThreadNamespaceId();
            var target = i % 2 == 0 ? a : b;
            using var client = target.Connect();
            client.Links.Add(Link.Of($"m{i}", new VethParameters($"n{i}")));
            Assert.Contains(client.Links.List(), l => l.Name == $"m{i}");
            Sysctl.Read(target.Namespace, "net.ipv4.ip_forward");
            Assert.Equal(mine, NamespaceThread.CurrentThreadNamespaceId());
        });

        Assert.Equal(new[] { "lo", "m0", "m2", "m4", "m6", "n0", "n2", "n4", "n6" }, IpOracle.Links(a.Name).EnumerateArray().Select(l => l.String("ifname")).Order());
        Assert.Equal(home, NamespaceThread.CurrentThreadNamespaceId());
        Assert.Empty(ThreadsOutside(home));
    }

    [Fact]
    public void TheCheckSeesAThreadLeftInAnotherNamespace()
    {
        using var ns = new TestNamespace("thr");
        var home = NamespaceThread.CurrentThreadNamespaceId();
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var stray = new Thread(() =>
        {
            using var handle = ns.Namespace.OpenHandle();
            Interop.SystemCall.Check(Interop.LibC.SetNs(handle.Fd, 0x40000000 /* CLONE_NEWNET */), "setns");
            entered.Set();
            release.Wait();
        }) { Name = "stray mover" };
        stray.Start();
        entered.Wait(TestContext.Current.CancellationToken);
        try
        {
            Assert.Contains(ThreadsOutside(home), t => t.Contains("'stray mover'"));
            Assert.Equal(WorkerThreadComm, NamespaceThread.Run(ns.Namespace, () => File.ReadAllText("/proc/thread-self/comm").Trim()));
        }
        finally
        {
            release.Set();
            stray.Join();
        }
    }

    /// <summary>
    /// Threads of this process in another namespace than <paramref name="home"/>, other
    /// than namespace workers (tests running in parallel have some at work right now).
    /// </summary>
    private static List<string> ThreadsOutside(string home)
    {
        var strays = new List<string>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var comm = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                var netns = new FileInfo(Path.Combine(task, "ns", "net")).LinkTarget;
                if (netns is not null && netns != home && comm != WorkerThreadComm)
                {
                    strays.Add($"{Path.GetFileName(task)} '{comm}' in {netns}");
                }
            }
            catch (IOException)
            {
                // The thread ended while we looked.
            }
        }

        return strays;
    }
}
