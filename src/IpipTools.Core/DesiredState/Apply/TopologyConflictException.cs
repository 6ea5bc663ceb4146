using IpipTools.Core.Errors;
using IpipTools.Core.DesiredState.Planning;

namespace IpipTools.Core.DesiredState.Apply;

/// <summary>A plan has conflicts (see <see cref="PlanConflict"/>) and so is not applied at all.</summary>
public sealed class TopologyConflictException : IpipToolsException
{
    public TopologyConflictException(IReadOnlyList<PlanConflict> conflicts)
        : base($"The topology cannot be applied without touching what IpipTools does not own; nothing was changed. {string.Join(" ", conflicts.Select(c => c.ToString()))}",
            "TopologyConflict", IpipErrorCategory.ResourceExists, conflicts[0].RecommendedAction, conflicts)
    {
        Conflicts = conflicts;
    }

    public IReadOnlyList<PlanConflict> Conflicts { get; }
}
