using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.TestSupport;

namespace IpipTools.Module.Tests.Core;

/// <summary>Invoke-NetNamespaceCommand's core: the child runs inside the namespace, the caller's thread never moves.</summary>
public sealed class NamespaceProcessTests
{
    [Fact]
    public void ChildSeesOnlyTheNamespacesDevices()
    {
        using var ns = new TestNamespace();
        var before = NamespaceThread.CurrentThreadNamespaceId();
        var result = NamespaceProcess.Run(ns.Namespace, "/usr/bin/cat", new[] { "/proc/net/dev" });
        Assert.Equal(0, result.ExitCode);
        var devices = result.StandardOutput.Skip(2).Select(l => l.Split(':')[0].Trim()).ToList();
        Assert.Equal(new[] { "lo" }, devices);
        Assert.Equal(ns.Name, result.Namespace);
        Assert.Equal(before, NamespaceThread.CurrentThreadNamespaceId());
    }

    [Fact]
    public void ChildIsInTheNamespaceByKernelId()
    {
        using var ns = new TestNamespace();
        var result = NamespaceProcess.Run(ns.Namespace, "/usr/bin/readlink", new[] { "/proc/self/ns/net" });
        Assert.Equal(NamespaceThread.NamespaceId(ns.Namespace), Assert.Single(result.StandardOutput));
        Assert.NotEqual(NamespaceThread.CurrentThreadNamespaceId(), result.StandardOutput[0]);
    }

    [Fact]
    public void OutputStreamsLineByLineAndTheExitCodeIsKept()
    {
        using var ns = new TestNamespace();
        var command = NamespaceProcess.Start(ns.Namespace, "/bin/sh", new[] { "-c", "echo one; echo two; exit 3" });
        Assert.Equal(new[] { "one", "two" }, command.ReadOutput().ToList());
        var code = command.Finish();
        Assert.Equal(3, code);
        var failure = command.FailureFor(code);
        Assert.NotNull(failure);
        Assert.Equal("NativeCommandFailed", failure.ErrorId);
        Assert.Contains(ns.Name, failure.Message);
        Assert.Null(command.FailureFor(0));
    }

    [Fact]
    public void StandardErrorIsCapturedOnRequest()
    {
        var result = NamespaceProcess.Run(NetNamespace.Caller, "/bin/sh", new[] { "-c", "echo oops >&2" });
        Assert.Equal(new[] { "oops" }, result.StandardError);
        Assert.True(result.Succeeded);
    }

    /// <summary>Enter-NetNamespace's server: started inside, alive while its input is held, gone after Dispose.</summary>
    [Fact]
    public void ATetheredProcessRunsInsideAndEndsWhenLetGo()
    {
        using var ns = new TestNamespace();
        var before = NamespaceThread.CurrentThreadNamespaceId();
        var process = NamespaceProcess.StartTethered(ns.Namespace, "/bin/sh", new[] { "-c", "cat >/dev/null; echo $IPT_MARK >/dev/null" },
            environment: new Dictionary<string, string?> { ["IPT_MARK"] = "tethered", ["HOME"] = null });
        try
        {
            Assert.Equal(NamespaceThread.NamespaceId(ns.Namespace), new FileInfo($"/proc/{process.Id}/ns/net").LinkTarget);
            var environment = File.ReadAllText($"/proc/{process.Id}/environ").Split('\0');
            Assert.Contains("IPT_MARK=tethered", environment);
            Assert.DoesNotContain(environment, v => v.StartsWith("HOME=", StringComparison.Ordinal));
            Thread.Sleep(200);
            Assert.False(process.HasExited);
            Assert.Equal(before, NamespaceThread.CurrentThreadNamespaceId());
        }
        finally
        {
            var id = process.Id;
            process.Dispose();
            // Ended and reaped: WaitForExit inside Dispose returns once the child is gone.
            Assert.False(Directory.Exists($"/proc/{id}"));
        }
    }

    [Fact]
    public void AMissingProgramIsObjectNotFound()
    {
        using var ns = new TestNamespace();
        var e = Assert.Throws<IpipToolsException>(() => NamespaceProcess.Start(ns.Namespace, "/nonexistent/program"));
        Assert.Equal("NativeCommandNotFound", e.ErrorId);
        Assert.Equal(IpipErrorCategory.ObjectNotFound, e.Category);
    }

    [Fact]
    public void AMissingNamespaceFailsBeforeAnythingStarts()
    {
        var e = Assert.Throws<IpipToolsException>(() => NamespaceProcess.Start(NetNamespace.Named("ipt-does-not-exist"), "/bin/true"));
        Assert.Equal("NamespaceNotFound", e.ErrorId);
    }

    [Fact]
    public void StopEndsALongRunningProgram()
    {
        using var ns = new TestNamespace();
        var command = NamespaceProcess.Start(ns.Namespace, "/bin/sleep", new[] { "30" });
        command.Stop();
        Assert.NotEqual(0, command.Finish());
    }
}
