using IpipTools.Core.DesiredState.Topologies;
namespace IpipTools.Core.DesiredState.Steps;

/// <summary>
/// Creates a removed link again exactly as it was read: its index, hardware address, alias
/// and state (and a veth's other end, likewise). Only undoing a removal makes this step;
/// undone by removing the link again.
/// </summary>
public sealed record RestoreLink : PlanStep
{
    /// <summary>The link as it was read; for a veth, with its <see cref="Rtnl.Kinds.VethParameters"/> naming the other end.</summary>
    public required TopologyLink Link { get; init; }

    /// <summary>A veth's other end as it was read; null for any other link (or a veth whose other end was not read).</summary>
    public TopologyLink? PeerEnd { get; init; }

    public RestoreLink()
        : base(PlanAction.Add, PlanObjectKind.Link)
    {
    }

    internal override void Apply(StepContext context, Action<PlanStep> undo)
    {
        context.Creator.Restore(Namespace, Link, PeerEnd);
        undo(new RemoveLink { Namespace = Namespace, Target = Target, Reason = Reason, Link = Link, PeerEnd = PeerEnd });
    }
}
