using IpipTools.Core.Namespaces;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>Creates the named namespace <see cref="PlanStep.Namespace"/>; undone by removing it.</summary>
public sealed record CreateNamespace : PlanStep
{
    public override PlanAction Action => PlanAction.Add;

    public override PlanObjectKind Kind => PlanObjectKind.Namespace;

    internal override void Apply(StepContext context, Action<PlanStep> undo)
    {
        NetNamespaceStore.Create(Namespace);
        undo(new RemoveNamespace { Namespace = Namespace, Target = Target, Reason = Reason });
    }
}
