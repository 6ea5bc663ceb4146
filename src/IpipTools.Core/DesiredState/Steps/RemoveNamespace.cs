using IpipTools.Core.Namespaces;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>
/// Removes the named namespace <see cref="PlanStep.Namespace"/> and everything in it. The
/// planner never removes a namespace; this is how a namespace a failed plan created goes.
/// </summary>
public sealed record RemoveNamespace : PlanStep
{
    public RemoveNamespace()
        : base(PlanAction.Remove, PlanObjectKind.Namespace)
    {
    }

    internal override void Apply(StepContext context, Action<PlanStep> undo)
    {
        context.Clients.Forget(TopologyNamespace.Resolve(Namespace));
        NetNamespaceStore.Delete(Namespace);
        undo(new CreateNamespace { Namespace = Namespace, Target = Target, Reason = Reason });
    }
}
