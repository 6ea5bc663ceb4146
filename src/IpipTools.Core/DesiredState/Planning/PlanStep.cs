using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// One change a plan makes, with everything needed to make it and to undo it later, so
/// that a plan saved as JSON can be applied without the topology it came from: the
/// object as it should be, and as it was (for changes, removals and recreations).
/// </summary>
public sealed record PlanStep
{
    /// <summary>1-based position in the plan.</summary>
    public int Number { get; init; }

    public required PlanAction Action { get; init; }

    public required PlanObjectKind Kind { get; init; }

    /// <summary>The namespace the step acts in; "" for the current one.</summary>
    public required string Namespace { get; init; }

    /// <summary>What the step acts on, in words ("veth v1", "10.42.2.0/24 via 172.16.165.244 dev tunl0 onlink").</summary>
    public required string Target { get; init; }

    /// <summary>Why: "missing", "ttl 64 → 10", "owned by IpipTools and not in the topology", "goes with link v1".</summary>
    public required string Reason { get; init; }

    /// <summary>The link as it should be (Add, Change, Recreate, LinkState).</summary>
    public LinkConfig? Link { get; init; }

    /// <summary>The link as it was (Change, Remove, Recreate, LinkState); for a veth, with <see cref="LinkConfig.Peer"/> set when the peer is known.</summary>
    public LinkConfig? PreviousLink { get; init; }

    /// <summary>A removed or recreated veth's other end as it was, so that undoing the step restores both ends.</summary>
    public LinkConfig? PeerLink { get; init; }

    public AddressConfig? Address { get; init; }

    public Route? Route { get; init; }

    public Route? PreviousRoute { get; init; }

    public bool? Forwarding { get; init; }

    /// <summary>"Add route 10.42.2.0/24 ... in namespace 'a' (missing)".</summary>
    public override string ToString() => $"{Number,3}. {Action} {Kind} {Target} in {NamespaceNames.Describe(Namespace)} ({Reason})";
}
