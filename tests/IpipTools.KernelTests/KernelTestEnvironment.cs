using System.Diagnostics;

namespace IpipTools.KernelTests;

/// <summary>
/// What the kernel-test harness (tests/kernel/run.sh) tells a test about where it runs.
/// Tests call <see cref="RequireKernel"/> first, so that a plain `dotnet test` or a run on a
/// host without the tunnel drivers reports them as skipped instead of failed.
/// </summary>
public static class KernelTestEnvironment
{
    /// <summary>Set to 1 by the guest's /init inside the qemu VM.</summary>
    public const string InVmVariable = "IPIPTOOLS_IN_KERNEL_VM";

    /// <summary>Set to 1 by run.sh when the host kernel itself has ipip and the tests run there.</summary>
    public const string OnHostVariable = "IPIPTOOLS_KERNEL_HOST";

    /// <summary>iproute2, the oracle. Tests may run it; product code may not.</summary>
    public const string IpPath = "/usr/sbin/ip";

    public static bool InVm => Environment.GetEnvironmentVariable(InVmVariable) == "1";

    public static bool OnCapableHost => Environment.GetEnvironmentVariable(OnHostVariable) == "1";

    /// <summary>True when the harness vouches for a kernel with the tunnel drivers loaded.</summary>
    public static bool IsActive => InVm || OnCapableHost;

    /// <summary>Where we are, for messages: "qemu guest", "host" or "none".</summary>
    public static string Description => InVm ? "qemu guest" : OnCapableHost ? "host" : "none";

    /// <summary>Skips the calling test unless it runs under the harness.</summary>
    public static void RequireKernel() =>
        Assert.SkipUnless(IsActive,
            $"needs a kernel with IP tunnel drivers: run it through tests/kernel/run.sh ({InVmVariable}/{OnHostVariable} unset)");

    /// <summary>Runs the real iproute2 `ip` and returns its exit code and output.</summary>
    public static IpResult Ip(params string[] args)
    {
        var psi = new ProcessStartInfo(IpPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {IpPath}");
        // Read both streams concurrently so a chatty stderr cannot block the child.
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return new IpResult(p.ExitCode, stdout, stderr.Result, string.Join(' ', args));
    }

    /// <summary>Runs `ip` and fails the test with its stderr when it does not succeed.</summary>
    public static string IpOk(params string[] args)
    {
        var r = Ip(args);
        Assert.True(r.ExitCode == 0, $"ip {r.Command} exited {r.ExitCode}: {r.Stderr.Trim()}");
        return r.Stdout;
    }
}

public sealed record IpResult(int ExitCode, string Stdout, string Stderr, string Command);

/// <summary>
/// A network namespace made with `ip netns add` under a unique name and deleted on dispose,
/// so a test never touches the namespace it runs in and leaves nothing behind.
/// </summary>
public sealed class ThrowawayNamespace : IDisposable
{
    public string Name { get; }

    public ThrowawayNamespace(string prefix = "kt")
    {
        // Namespace names become file names under /run/netns: keep them short and unique.
        Name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 32)];
        KernelTestEnvironment.IpOk("netns", "add", Name);
    }

    /// <summary>Runs `ip -n NAME args...`.</summary>
    public IpResult Ip(params string[] args) => KernelTestEnvironment.Ip(["-n", Name, .. args]);

    /// <summary>Runs `ip -n NAME args...`, failing the test when it does not succeed.</summary>
    public string IpOk(params string[] args) => KernelTestEnvironment.IpOk(["-n", Name, .. args]);

    public void Dispose() => KernelTestEnvironment.Ip("netns", "delete", Name);
}
