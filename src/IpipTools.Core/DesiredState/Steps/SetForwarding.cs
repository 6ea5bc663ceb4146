using IpipTools.Core.Namespaces;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>
/// Sets net.ipv4.ip_forward in the step's namespace. Undone by setting it back to the value
/// read just before it was set, which is the one the kernel had whatever the plan assumed.
/// </summary>
public sealed record SetForwarding : PlanStep
{
    public required bool Enabled { get; init; }

    public SetForwarding()
        : base(PlanAction.Change, PlanObjectKind.Forwarding)
    {
    }

    internal override void Apply(StepContext context, Action<PlanStep> undo)
    {
        var target = TopologyNamespace.Resolve(Namespace);
        var previous = Ipv4Forwarding.IsEnabled(target);
        Ipv4Forwarding.Set(target, Enabled);
        undo(this with { Enabled = previous });
    }
}
