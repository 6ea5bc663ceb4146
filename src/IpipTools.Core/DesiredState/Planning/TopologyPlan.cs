using System.Text.Json;
using IpipTools.Core.Errors;
using IpipTools.Core.DesiredState.Steps;

namespace IpipTools.Core.DesiredState.Planning;

/// <summary>
/// The ordered steps that take the namespaces from what they were when read to what a
/// topology declares, plus what would stand in the way (<see cref="Conflicts"/>). A plan
/// can be saved as JSON, reviewed, and applied later: <see cref="Fingerprint"/> lets the
/// applier refuse if the namespaces changed in between.
/// </summary>
public sealed record TopologyPlan
{
    /// <summary>
    /// 3: a link is one object that leaves out what it does not set
    /// (<see cref="TopologyLinkJsonConverter"/>). 2: steps name their kind ("Step") and carry
    /// only their own data; its links were nested ("Link": { "Link": ... }) and wrote every
    /// value. Both are read.
    /// </summary>
    public const int CurrentFormatVersion = 3;

    /// <summary>The oldest format version read.</summary>
    public const int OldestFormatVersion = 2;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public DateTimeOffset CreatedUtc { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The namespaces read to make the plan ("" is the current one).</summary>
    public required IReadOnlyList<string> Namespaces { get; init; }

    /// <summary>Digest of the state the plan was made against (<see cref="StateFingerprint"/>).</summary>
    public required string Fingerprint { get; init; }

    public bool Prune { get; init; }

    public IReadOnlyList<PlanStep> Steps { get; init; } = Array.Empty<PlanStep>();

    public IReadOnlyList<PlanConflict> Conflicts { get; init; } = Array.Empty<PlanConflict>();

    /// <summary>Nothing to do and nothing in the way: the state is the topology.</summary>
    public bool IsConverged => Steps.Count == 0 && Conflicts.Count == 0;

    public string ToJson() => JsonSerializer.Serialize(this, PlanJson.SavedPlan);

    public static TopologyPlan FromJson(string json)
    {
        TopologyPlan? plan;
        try
        {
            plan = JsonSerializer.Deserialize<TopologyPlan>(json, PlanJson.SavedPlan);
        }
        catch (JsonException e)
        {
            // The serializer's own message names C# types; the JSON path says where it went wrong.
            throw new IpipToolsException(
                $"The text is not a topology plan: it does not have the shape of one{(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : $" (at {e.Path})")}.",
                "InvalidPlan", IpipErrorCategory.InvalidArgument,
                "Give the JSON that Set-IpipTopology -SavePlan saved.", null, e);
        }

        if (plan is null || plan.FormatVersion is < OldestFormatVersion or > CurrentFormatVersion)
        {
            throw new IpipToolsException($"The plan's format version is {plan?.FormatVersion.ToString() ?? "missing"}; this IpipTools reads versions {OldestFormatVersion} to {CurrentFormatVersion}.",
                "InvalidPlan", IpipErrorCategory.InvalidArgument, "Make the plan again with this version of IpipTools.");
        }

        // Read, a plan is the same whatever format it was saved in; saved again, it is in this one.
        return plan with { FormatVersion = CurrentFormatVersion };
    }

    /// <summary>What applying the plan does, in a line: "Apply topology plan: 6 steps (2 add, 4 change)", for -WhatIf and -Confirm.</summary>
    public string Summary() =>
        IsConverged ? "Apply topology (already converged: nothing to do)"
        : Steps.Count == 0 ? $"Apply topology plan: no step to apply, and {Wording.Count(Conflicts.Count, "conflict")} in the way"
        : $"Apply topology plan: {Wording.Count(Steps.Count, "step")} ({PlanReport.ActionCounts(this)})"
          + (Conflicts.Count > 0 ? $", {Wording.Count(Conflicts.Count, "conflict")} that stop{(Conflicts.Count == 1 ? "s" : string.Empty)} it" : string.Empty);

    /// <summary>The plan as a person reviews it: a heading, one line per step, each conflict by name (<see cref="PlanReport"/>).</summary>
    public override string ToString() => PlanReport.Render(this);
}
