using IpipTools.Core.DesiredState.Topologies;
namespace IpipTools.Core.DesiredState.Steps;

/// <summary>
/// Creates a link as a topology declares it: down, with its MTU, bridge and IpipTools'
/// alias (a veth with its other end). Undone by removing it (a veth's other end goes with it).
/// </summary>
public sealed record CreateLink : LinkCreationStep
{
    private protected override bool Restoring => false;

    private protected override TopologyLink? ReadPeerEnd => null;

    private protected override PlanStep Inverse() => new RemoveLink { Namespace = Namespace, Target = Target, Reason = Reason, Link = Link };
}
