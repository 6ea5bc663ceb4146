using IpipTools.Core.DesiredState.Topologies;
namespace IpipTools.Core.DesiredState.Steps;

/// <summary>
/// Deletes a link and creates it again as declared, because the kernel refuses the change
/// in place (a point-to-point tunnel made tunl0-style or back, collect_metadata, another
/// kind). It is a removal and a creation, undone separately: if the creation fails, what
/// was recorded already says how to bring the deleted link back.
/// </summary>
public sealed record RecreateLink : PlanStep
{
    /// <summary>The link as it should be.</summary>
    public required TopologyLink Link { get; init; }

    /// <summary>The link as it was; for a veth, with its <see cref="Rtnl.Kinds.VethParameters"/> naming the other end.</summary>
    public required TopologyLink Previous { get; init; }

    /// <summary>A veth's other end as it was read, so that undoing the removal restores both ends; null for any other link.</summary>
    public TopologyLink? PreviousPeerEnd { get; init; }

    public RecreateLink()
        : base(PlanAction.Recreate, PlanObjectKind.Link)
    {
    }

    internal override void Apply(StepContext context, Action<PlanStep> undo)
    {
        new RemoveLink { Namespace = Namespace, Target = Target, Reason = Reason, Link = Previous, PeerEnd = PreviousPeerEnd }.Apply(context, undo);
        new CreateLink { Namespace = Namespace, Target = Target, Reason = Reason, Link = Link }.Apply(context, undo);
    }
}
