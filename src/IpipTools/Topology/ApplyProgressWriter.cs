using System.Management.Automation;
using IpipTools.Core.DesiredState.Apply;
using IpipTools.Infrastructure;

namespace IpipTools.Topology;

/// <summary>
/// A plan's apply as Write-Progress, for plans long enough to be waited on: the core reports
/// on the applying thread, which is the pipeline thread here, so each report can be written.
/// </summary>
internal sealed class ApplyProgressWriter : IProgress<ApplyProgress>
{
    /// <summary>Plans with fewer steps apply in a blink: a progress bar would only flash.</summary>
    public const int MinimumSteps = 200;

    private readonly ProgressWriter _writer;

    private ApplyProgressWriter(Cmdlet cmdlet, string target) =>
        _writer = new ProgressWriter(cmdlet, activityId: 1, $"Applying the plan to {target}");

    /// <summary>A writer for a plan of <paramref name="steps"/> steps, or null when the plan is too short to show progress for.</summary>
    public static ApplyProgressWriter? For(Cmdlet cmdlet, int steps, string target) =>
        steps >= MinimumSteps ? new ApplyProgressWriter(cmdlet, target) : null;

    public void Report(ApplyProgress value) =>
        _writer.Report(value.StepsDone, value.StepsTotal, $"{value.StepsDone} of {value.StepsTotal} steps sent");

    public void Complete() => _writer.Complete();
}
