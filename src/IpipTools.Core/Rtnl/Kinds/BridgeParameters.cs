namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// A Linux bridge (kind "bridge"). What is left null is the kernel's default when the bridge
/// is made (no spanning tree, no VLAN filtering), and left as it is when it is changed: the
/// kernel's bridge changes only the options a request names.
/// </summary>
public sealed record BridgeParameters : LinkKindParameters
{
    public override string Kind => "bridge";

    /// <summary>The spanning tree protocol (<c>ip link ... type bridge stp_state 1</c>).</summary>
    public bool? SpanningTree { get; init; }

    /// <summary>VLAN filtering on the bridge's ports (<c>vlan_filtering 1</c>).</summary>
    public bool? VlanFiltering { get; init; }

    /// <summary>The options given, in iproute2's words: "stp_state 1 vlan_filtering 0"; empty when none.</summary>
    public string Words() => string.Join(" ",
        new[] { Word("stp_state", SpanningTree), Word("vlan_filtering", VlanFiltering) }.Where(w => w is not null));

    private static string? Word(string name, bool? value) => value is bool on ? $"{name} {(on ? 1 : 0)}" : null;
}
