namespace IpipTools.Core.DesiredState;

/// <summary>
/// The step that undoes a step: removal for an addition, the old values for a change, the
/// old link (with its index, address and veth peer) for a removal or recreation. Undoing
/// IP forwarding needs the value read just before it was set, so the executor builds that
/// one itself.
/// </summary>
internal static class StepInverse
{
    public static PlanStep Of(PlanStep step) => step.Kind switch
    {
        PlanObjectKind.Namespace or PlanObjectKind.Address => step with { Action = Opposite(step.Action) },
        PlanObjectKind.LinkState => step with { Link = step.PreviousLink, PreviousLink = step.Link },
        PlanObjectKind.Route => step.Action == PlanAction.Change
            ? step with { Route = step.PreviousRoute, PreviousRoute = step.Route }
            : step with { Action = Opposite(step.Action) },
        PlanObjectKind.Link => step.Action switch
        {
            PlanAction.Add => step with { Action = PlanAction.Remove, Link = null, PreviousLink = step.Link, PeerLink = null },
            PlanAction.Remove => step with { Action = PlanAction.Add, Link = step.PreviousLink, PreviousLink = null },
            _ => step with { Link = step.PreviousLink, PreviousLink = step.Link },
        },
        _ => throw new InvalidOperationException($"no inverse for a {step.Kind} step without its previous value"),
    };

    private static PlanAction Opposite(PlanAction action) => action switch
    {
        PlanAction.Add => PlanAction.Remove,
        PlanAction.Remove => PlanAction.Add,
        _ => throw new InvalidOperationException($"{action} has no opposite"),
    };
}
