using System.Runtime.ExceptionServices;
using IpipTools.Core.Interop;
using static IpipTools.Core.Interop.LinuxConstants;

namespace IpipTools.Core.Namespaces;

/// <summary>
/// Runs work inside a network namespace on a short-lived thread of its own.
/// setns(2) moves only the calling OS thread, and a PowerShell pipeline thread or a
/// thread-pool thread left in another namespace would make every later socket land
/// there. So the caller's thread never moves: a new thread enters, does the work
/// (typically opening a socket, which stays bound to that namespace), and ends.
/// </summary>
public static class NamespaceThread
{
    /// <summary>Runs <paramref name="work"/> in <paramref name="target"/> and returns its result.</summary>
    public static T Run<T>(NetNamespace target, Func<T> work)
    {
        if (target.IsCallerNamespace)
        {
            return work();
        }

        // Open on the caller's thread: a missing namespace fails here, with a clear error.
        using var handle = target.OpenHandle();
        return RunOnNewThread(() =>
        {
            SystemCall.Check(LibC.SetNs(handle.Fd, CLONE_NEWNET), $"setns({target})");
            return work();
        });
    }

    public static void Run(NetNamespace target, Action work) => Run<object?>(target, () =>
    {
        work();
        return null;
    });

    /// <summary>
    /// Runs <paramref name="work"/> on a fresh thread and waits for it. The thread
    /// ends afterwards, taking any namespace it entered with it.
    /// </summary>
    internal static T RunOnNewThread<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, maxStackSize: 256 * 1024)
        {
            IsBackground = true,
            Name = "IpipTools namespace worker",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    /// <summary>
    /// The calling thread's network namespace as the kernel names it ("net:[4026531840]").
    /// Tests compare it before and after operations to prove the thread never moved.
    /// </summary>
    public static string CurrentThreadNamespaceId() =>
        new FileInfo("/proc/thread-self/ns/net").LinkTarget ?? throw new InvalidOperationException("cannot read /proc/thread-self/ns/net");

    /// <summary>The kernel's id of <paramref name="target"/> ("net:[...]"), read from inside it.</summary>
    public static string NamespaceId(NetNamespace target) => Run(target, CurrentThreadNamespaceId);
}
