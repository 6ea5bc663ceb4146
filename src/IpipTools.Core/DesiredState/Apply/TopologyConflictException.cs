using IpipTools.Core.Namespaces;
using IpipTools.Core.Errors;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Apply;

/// <summary>
/// A plan has conflicts (see <see cref="PlanConflict"/>) and so is not applied at all. The
/// message names each conflict and why it stands in the way; the recommended action says
/// what to do about each (the conflict's own words, with its name when there are several).
/// </summary>
public sealed class TopologyConflictException : IpipToolsException
{
    public TopologyConflictException(IReadOnlyList<PlanConflict> conflicts)
        : base($"The topology cannot be applied, and nothing was changed: {Wording.Count(conflicts.Count, "conflict")} stand{(conflicts.Count == 1 ? "s" : string.Empty)} in the way. {string.Join(" ", conflicts.Select(Where))}",
            "TopologyConflict", IpipErrorCategory.ResourceExists,
            conflicts.Count == 1 ? conflicts[0].RecommendedAction : string.Join(" ", conflicts.Select(c => $"{c.Target}: {c.RecommendedAction}")), conflicts)
    {
        Conflicts = conflicts;
    }

    public IReadOnlyList<PlanConflict> Conflicts { get; }

    private static string Where(PlanConflict conflict) => $"{conflict.Target} in {NetNamespace.InWords(conflict.Namespace)}: {conflict.Problem}";
}
