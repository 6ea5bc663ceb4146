using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>
/// A step on one route. Consecutive route steps of one kind in one namespace are sent as a
/// single batch (<see cref="ApplyBatch"/>): a mesh of hundreds of routes takes one
/// round of requests rather than hundreds.
/// </summary>
public abstract record RouteStep : PlanStep
{
    private protected RouteStep(PlanAction action)
        : base(action, PlanObjectKind.Route)
    {
    }

    /// <summary>The route as it should be (added, or replacing another), or the one removed.</summary>
    public required Route Route { get; init; }

    /// <summary>The step that reverses this one.</summary>
    internal abstract RouteStep Inverse();

    /// <summary>Sends the routes of one batch of steps of this kind.</summary>
    private protected abstract BatchResult Send(RouteOperations routes, IReadOnlyList<Route> specs);

    internal sealed override void Apply(StepContext context, Action<PlanStep> undo) => ApplyBatch(context, new[] { this }, undo);

    /// <summary>Whether <paramref name="next"/> goes in the same batch as this step: the same kind of step in the same namespace.</summary>
    internal bool BatchesWith(PlanStep next) => next is RouteStep route && route.GetType() == GetType() && route.Namespace == Namespace;

    /// <summary>
    /// Sends <paramref name="run"/> (steps of one kind, in one namespace) as one batch. The
    /// inverse of every route the kernel accepted is recorded, even when others in the
    /// batch failed; then the first failure is thrown.
    /// </summary>
    internal static void ApplyBatch(StepContext context, IReadOnlyList<RouteStep> run, Action<PlanStep> undo)
    {
        var result = run[0].Send(context.In(run[0].Namespace).Routes, run.Select(s => s.Route).ToList());
        var failed = result.Failures.Select(f => f.Index).ToHashSet();
        for (var i = 0; i < run.Count; i++)
        {
            if (!failed.Contains(i))
            {
                undo(run[i].Inverse());
            }
        }

        if (result.Failures.Count > 0)
        {
            throw new StepFailedException(run[result.Failures[0].Index], result.Failures[0].Error);
        }
    }
}
