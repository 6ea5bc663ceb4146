using IpipTools.Core.DesiredState.Topologies;
namespace IpipTools.Core.DesiredState.Steps;

/// <summary>
/// Creates a removed link again exactly as it was read: its index, hardware address, alias
/// and state (and a veth's other end, likewise). Only undoing a removal makes this step;
/// undone by removing the link again.
/// </summary>
public sealed record RestoreLink : LinkCreationStep
{
    /// <summary>A veth's other end as it was read; null for any other link (or a veth whose other end was not read).</summary>
    public TopologyLink? PeerEnd { get; init; }

    private protected override bool Restoring => true;

    private protected override TopologyLink? ReadPeerEnd => PeerEnd;

    private protected override PlanStep Inverse() => new RemoveLink { Namespace = Namespace, Target = Target, Reason = Reason, Link = Link, PeerEnd = PeerEnd };
}
