using IpipTools.Core.Namespaces;
using System.Text;
using IpipTools.Core.Errors;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Planning;

/// <summary>
/// A plan as a person reviews it before applying it, the way <c>terraform plan</c> reads: a
/// line saying what it covers and what it would do, then one line per step in columns
/// (number, action, kind of object, namespace, the object, what changes), then each conflict
/// by name with why it stops the plan and what to do about it. The default view of a plan
/// (and of each host's plan) is this text, so that what -WhatIf writes can be read as it is.
/// </summary>
public static class PlanReport
{
    /// <summary>How the current namespace ("") shows in the namespace column.</summary>
    private const string CurrentNamespace = "(current)";

    private static readonly string[] Headers = { "#", "Action", "Kind", "Namespace", "Object", "Change" };

    public static string Render(TopologyPlan plan)
    {
        var text = new StringBuilder();
        text.Append(Heading(plan)).Append('\n');
        if (plan.Steps.Count > 0)
        {
            text.Append('\n');
            AppendSteps(text, plan.Steps);
        }

        if (plan.Conflicts.Count > 0)
        {
            text.Append('\n')
                .Append($"{Wording.Count(plan.Conflicts.Count, "conflict")}, which stop{(plan.Conflicts.Count == 1 ? "s" : string.Empty)} the plan (nothing is applied while one remains):")
                .Append('\n');
            foreach (var conflict in plan.Conflicts)
            {
                text.Append(Conflict(conflict));
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// One conflict: what it is about and where, then why, then what to do, each on its own
    /// line so that a long reason is not cut off by the width of a table.
    /// </summary>
    public static string Conflict(PlanConflict conflict) =>
        $"  CONFLICT {conflict.Target} in {NetNamespace.InWords(conflict.Namespace)}\n" +
        $"      why: {conflict.Problem}\n" +
        $"      fix: {conflict.RecommendedAction}\n";

    /// <summary>"Plan for namespace 'a', namespace 'b' (with -Prune): 13 steps: 8 add, 5 change".</summary>
    private static string Heading(TopologyPlan plan)
    {
        var scope = plan.Namespaces.Count == 0 ? "no namespace" : string.Join(", ", plan.Namespaces.Select(NetNamespace.InWords));
        var what = plan.IsConverged ? "converged, nothing to do"
            : plan.Steps.Count == 0 ? "no step to apply"
            : $"{Wording.Count(plan.Steps.Count, "step")}: {ActionCounts(plan)}";
        var stopped = plan.Conflicts.Count == 0 ? string.Empty : $"; stopped by {Wording.Count(plan.Conflicts.Count, "conflict")}";
        return $"Plan for {scope}{(plan.Prune ? " (with -Prune)" : string.Empty)}: {what}{stopped}";
    }

    /// <summary>"8 add, 5 change": how many steps of each action, in the order of <see cref="PlanAction"/>.</summary>
    public static string ActionCounts(TopologyPlan plan) =>
        string.Join(", ", Enum.GetValues<PlanAction>()
            .Select(a => (Action: a, Count: plan.Steps.Count(s => s.Action == a)))
            .Where(g => g.Count > 0)
            .Select(g => $"{g.Count} {g.Action.ToString().ToLowerInvariant()}"));

    /// <summary>The steps in columns as wide as their widest value, the last one (what changes) left to run on.</summary>
    private static void AppendSteps(StringBuilder text, IReadOnlyList<PlanStep> steps)
    {
        var rows = steps.Select(s => new[]
        {
            s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            s.Action.ToString(),
            s.Kind.ToString(),
            s.Namespace.Length == 0 ? CurrentNamespace : s.Namespace,
            s.Target,
            s.Reason,
        }).ToList();
        var widths = Headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        AppendRow(text, Headers, widths);
        AppendRow(text, Headers.Select(h => new string('-', h.Length)).ToArray(), widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        // The number is right-aligned, as numbers are; the last column is not padded.
        text.Append("  ").Append(cells[0].PadLeft(widths[0]));
        for (var i = 1; i < cells.Length; i++)
        {
            text.Append("  ").Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i]));
        }

        text.Append('\n');
    }
}
