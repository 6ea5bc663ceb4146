namespace IpipTools.Core.DesiredState.Steps;

/// <summary>An object of a batch (a route, a link) the kernel refused, or refused before sending, with the step it belongs to.</summary>
internal sealed class StepFailedException : Exception
{
    public StepFailedException(PlanStep step, Exception error)
        : base(error.Message, error)
    {
        Step = step;
        Error = error;
    }

    public PlanStep Step { get; }

    /// <summary>Why the step failed.</summary>
    public Exception Error { get; }
}
