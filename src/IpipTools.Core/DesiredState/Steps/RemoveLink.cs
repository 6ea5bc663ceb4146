using IpipTools.Core.DesiredState.Topologies;
namespace IpipTools.Core.DesiredState.Steps;

/// <summary>
/// Deletes a link (the kernel takes a veth's other end, its addresses and its routes with
/// it; the planner removes those in steps of their own first). Undone by restoring the link
/// exactly as it was read (<see cref="RestoreLink"/>).
/// </summary>
public sealed record RemoveLink : PlanStep
{
    /// <summary>The link as it was; for a veth, with its <see cref="Rtnl.Kinds.VethParameters"/> naming the other end when it is known.</summary>
    public required TopologyLink Link { get; init; }

    /// <summary>A veth's other end as it was read, so that undoing the removal restores both ends; null for any other link.</summary>
    public TopologyLink? PeerEnd { get; init; }

    public RemoveLink()
        : base(PlanAction.Remove, PlanObjectKind.Link)
    {
    }

    internal override void Apply(StepContext context, Action<PlanStep> undo)
    {
        context.In(Namespace).Links.Delete(Link.Name);
        undo(new RestoreLink { Namespace = Namespace, Target = Target, Reason = Reason, Link = Link, PeerEnd = PeerEnd });
    }
}
