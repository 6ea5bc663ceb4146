using System.Text.Json;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Reliability.Tests.Privilege;

/// <summary>
/// Without CAP_NET_ADMIN: this test executable runs again as a child, inside a throwaway
/// namespace, under `setpriv` with the bounding, inheritable and ambient sets emptied (so
/// even as uid 0 it execs with no capabilities). Reading must work, every change must fail
/// with a PermissionDenied error that says what to do, and the namespace must not change.
/// </summary>
public sealed class WithoutCapabilitiesTests
{
    [Fact]
    public void ChangesFailWithAClearPermissionErrorAndChangeNothing()
    {
        Assert.SkipWhen(Command.Tool("setpriv") == "setpriv", "setpriv (util-linux) is not installed");
        using var ns = new TestNamespace("nocap");
        var before = StateSnapshot.Of(ns.Name);

        var self = Environment.ProcessPath!;
        var arguments = new List<string> { "netns", "exec", ns.Name, Command.Tool("setpriv"), "--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-all", "--", self };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            arguments.Add(typeof(UnprivilegedProbe).Assembly.Location);
        }

        arguments.Add(UnprivilegedProbe.Mode);
        var result = Command.Run("ip", arguments, TimeSpan.FromSeconds(60)).EnsureSuccess("the unprivileged probe");
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("CapEff:\t0000000000000000", lines[0]);
        var attempts = lines.Skip(1).Select(l => JsonSerializer.Deserialize<UnprivilegedProbe.Attempt>(l)!).ToList();
        Assert.True(attempts.Single(a => a.Operation == "list links").Succeeded, "reading needs no capability, so the probe itself works");
        var changes = attempts.Where(a => a.Operation != "list links").ToList();
        Assert.Equal(UnprivilegedProbe.Changes.Length, changes.Count);
        Assert.All(changes, attempt =>
        {
            Assert.False(attempt.Succeeded, $"{attempt.Operation} succeeded without CAP_NET_ADMIN");
            Assert.Equal("PermissionDenied", attempt.ErrorId);
            Assert.Equal("PermissionDenied", attempt.Category);
            Assert.Contains("EPERM", attempt.Message);
            Assert.Contains("CAP_NET_ADMIN", attempt.RecommendedAction);
        });

        StateSnapshot.AssertUnchanged(before, StateSnapshot.Of(ns.Name));
    }
}
