using IpipTools.Core.Namespaces;
using System.Text.Json.Serialization;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>
/// One change a plan makes. The kinds of step are a closed set (the records derived from
/// this one, in this folder): each carries exactly what it needs to make its change and to
/// undo it, so that a plan saved as JSON can be applied without the topology it came from.
/// In JSON a step names its kind in "Step"; <see cref="Action"/> and <see cref="Kind"/>
/// are written for whoever reads the file, and follow from the kind.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "Step")]
[JsonDerivedType(typeof(CreateNamespace), nameof(CreateNamespace))]
[JsonDerivedType(typeof(RemoveNamespace), nameof(RemoveNamespace))]
[JsonDerivedType(typeof(SetForwarding), nameof(SetForwarding))]
[JsonDerivedType(typeof(CreateLink), nameof(CreateLink))]
[JsonDerivedType(typeof(RestoreLink), nameof(RestoreLink))]
[JsonDerivedType(typeof(RemoveLink), nameof(RemoveLink))]
[JsonDerivedType(typeof(RecreateLink), nameof(RecreateLink))]
[JsonDerivedType(typeof(ChangeLink), nameof(ChangeLink))]
[JsonDerivedType(typeof(SetLinkState), nameof(SetLinkState))]
[JsonDerivedType(typeof(AddAddress), nameof(AddAddress))]
[JsonDerivedType(typeof(RemoveAddress), nameof(RemoveAddress))]
[JsonDerivedType(typeof(AddRoute), nameof(AddRoute))]
[JsonDerivedType(typeof(ReplaceRoute), nameof(ReplaceRoute))]
[JsonDerivedType(typeof(RemoveRoute), nameof(RemoveRoute))]
public abstract record PlanStep
{
    // Only the kinds in this assembly: the applier and the JSON reader know them all.
    private protected PlanStep(PlanAction action, PlanObjectKind kind)
    {
        Action = action;
        Kind = kind;
    }

    // What every step has comes first in JSON, in the order the table view shows it.

    /// <summary>1-based position in the plan.</summary>
    [JsonPropertyOrder(-6)]
    public int Number { get; init; }

    /// <summary>What the step does, which follows from its kind of step (written to JSON for the reader, not read back).</summary>
    [JsonPropertyOrder(-5)]
    public PlanAction Action { get; }

    /// <summary>What the step is about, which follows from its kind of step (written to JSON for the reader, not read back).</summary>
    [JsonPropertyOrder(-4)]
    public PlanObjectKind Kind { get; }

    /// <summary>The namespace the step acts in; "" for the current one.</summary>
    [JsonPropertyOrder(-3)]
    public required string Namespace { get; init; }

    /// <summary>What the step acts on, in words ("veth v1", "10.42.2.0/24 via 172.16.165.244 dev tunl0 onlink").</summary>
    [JsonPropertyOrder(-2)]
    public required string Target { get; init; }

    /// <summary>Why: "missing", "ttl 64 → 10", "owned by IpipTools and not in the topology", "goes with link v1".</summary>
    [JsonPropertyOrder(-1)]
    public required string Reason { get; init; }

    /// <summary>
    /// Makes the change and hands <paramref name="undo"/> the step that reverses it as soon
    /// as it is made (a step made of several changes hands over one per change), so that a
    /// failure at any point can be undone exactly.
    /// </summary>
    internal abstract void Apply(StepContext context, Action<PlanStep> undo);

    /// <summary>"Add route 10.42.2.0/24 ... in namespace 'a' (missing)".</summary>
    public sealed override string ToString() => $"{Number,3}. {Action} {Kind} {Target} in {NetNamespace.InWords(Namespace)} ({Reason})";
}
