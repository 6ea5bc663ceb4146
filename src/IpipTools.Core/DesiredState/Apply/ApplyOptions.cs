using IpipTools.Core.DesiredState.Steps;
namespace IpipTools.Core.DesiredState.Apply;

/// <summary>How a plan is applied.</summary>
public sealed record ApplyOptions
{
    public static readonly ApplyOptions Default = new();

    /// <summary>
    /// Read the plan's namespaces again and refuse if their state is not the one the plan was
    /// made against. Only a caller that planned from a read it just made may turn it off.
    /// </summary>
    public bool CheckFingerprint { get; init; } = true;

    /// <summary>Called before each step is sent (progress, verbose output). An exception thrown here fails the step, and the plan is rolled back.</summary>
    public Action<PlanStep>? BeforeStep { get; init; }

    /// <summary>
    /// Told how far the apply has come: once before the first step and after each batch or
    /// step sent. Reported on the thread that applies (no <see cref="Progress{T}"/> posting
    /// to another thread), so a cmdlet may write progress from it.
    /// </summary>
    public IProgress<ApplyProgress>? Progress { get; init; }
}
