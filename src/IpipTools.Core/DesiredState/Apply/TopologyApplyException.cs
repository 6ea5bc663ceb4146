using IpipTools.Core.Namespaces;
using IpipTools.Core.Errors;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Apply;

/// <summary>
/// A step of a plan failed. Everything applied before it has been undone, in reverse order;
/// <see cref="RollbackFailures"/> lists what could not be undone (then, and only then, the
/// namespaces are not as they were found).
/// </summary>
public sealed class TopologyApplyException : IpipToolsException
{
    public TopologyApplyException(PlanStep failedStep, int stepsUndone, IReadOnlyList<string> rollbackFailures, Exception cause)
        : base(Compose(failedStep, stepsUndone, rollbackFailures, cause),
            (cause as IpipToolsException)?.ErrorId ?? "TopologyStepFailed",
            (cause as IpipToolsException)?.Category ?? IpipErrorCategory.InvalidOperation,
            (cause as IpipToolsException)?.RecommendedAction ?? "Fix the cause and apply again.",
            failedStep, cause)
    {
        FailedStep = failedStep;
        StepsUndone = stepsUndone;
        RollbackFailures = rollbackFailures;
    }

    public PlanStep FailedStep { get; }

    public int StepsUndone { get; }

    public IReadOnlyList<string> RollbackFailures { get; }

    /// <summary>True when every step applied before the failure was undone.</summary>
    public bool RolledBack => RollbackFailures.Count == 0;

    private static string Compose(PlanStep step, int undone, IReadOnlyList<string> failures, Exception cause)
    {
        var text = $"Step {step.Number} ({step.Action} {step.Kind} {step.Target} in {NetNamespace.InWords(step.Namespace)}) failed: {cause.Message}";
        return failures.Count > 0
            ? $"{text} Undoing the {Wording.Count(undone, "step")} applied before it failed {Wording.Count(failures.Count, "time")}, so the namespaces are NOT as they were: {string.Join(" ", failures)}"
            : undone == 0 ? $"{text} No step had been applied before it; the namespaces are as they were."
            : $"{text} The {Wording.Count(undone, "step")} applied before it {(undone == 1 ? "was" : "were")} undone; the namespaces are as they were.";
    }
}
