using IpipTools.Core.DesiredState.Topologies;
namespace IpipTools.Core.DesiredState.Steps;

/// <summary>
/// Creates a link as a topology declares it: down, with its MTU, bridge and IpipTools'
/// alias (a veth with its other end). Undone by removing it (a veth's other end goes with it).
/// </summary>
public sealed record CreateLink : PlanStep
{
    public required TopologyLink Link { get; init; }

    public CreateLink()
        : base(PlanAction.Add, PlanObjectKind.Link)
    {
    }

    internal override void Apply(StepContext context, Action<PlanStep> undo)
    {
        context.Creator.Create(Namespace, Link);
        undo(new RemoveLink { Namespace = Namespace, Target = Target, Reason = Reason, Link = Link });
    }
}
