namespace IpipTools.Core.DesiredState.Steps;

/// <summary>Brings a link up or down, after every link exists; undone by setting the other state.</summary>
public sealed record SetLinkState : PlanStep
{
    public required string Device { get; init; }

    public required bool Up { get; init; }

    public SetLinkState()
        : base(PlanAction.Change, PlanObjectKind.LinkState)
    {
    }

    internal override void Apply(StepContext context, Action<PlanStep> undo)
    {
        context.In(Namespace).Links.SetUp(Device, Up);
        undo(this with { Up = !Up });
    }
}
