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
}
