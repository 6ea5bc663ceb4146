using IpipTools.Core.Namespaces;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>Creates the named namespace <see cref="PlanStep.Namespace"/>; undone by removing it.</summary>
public sealed record CreateNamespace : PlanStep
{
    public CreateNamespace()
        : base(PlanAction.Add, PlanObjectKind.Namespace)
    {
    }

    internal override void Apply(StepContext context, Action<PlanStep> undo)
    {
        NetNamespaceStore.Create(Namespace);
        undo(new RemoveNamespace { Namespace = Namespace, Target = Target, Reason = Reason });
    }
}
