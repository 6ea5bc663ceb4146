using IpipTools.Core.DesiredState.Steps;
namespace IpipTools.Core.DesiredState.Planning;

/// <summary>Collects steps by phase (and a rank inside the phase) and conflicts, and hands them back in run order.</summary>
internal sealed class PlanBuilder
{
    private readonly List<(PlanPhase Phase, int Rank, int Sequence, PlanStep Step)> _steps = new();
    private readonly List<PlanConflict> _conflicts = new();

    public void Add(PlanPhase phase, PlanStep step, int rank = 0) => _steps.Add((phase, rank, _steps.Count, step));

    public void Conflict(string namespaceName, string target, string problem, string recommendedAction) =>
        _conflicts.Add(new PlanConflict(namespaceName, target, problem, recommendedAction));

    public IReadOnlyList<PlanConflict> Conflicts => _conflicts;

    /// <summary>The steps sorted by phase, then rank, then the order they were planned in, numbered from 1.</summary>
    public IReadOnlyList<PlanStep> OrderedSteps() =>
        _steps.OrderBy(s => s.Phase).ThenBy(s => s.Rank).ThenBy(s => s.Sequence)
            .Select((s, i) => s.Step with { Number = i + 1 })
            .ToList();
}
