using System.Net.NetworkInformation;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Links;

/// <summary>What to create: a name, a kind with its parameters, and common settings.</summary>
public sealed record LinkSpec(string Name, LinkKindParameters KindParameters)
{
    /// <summary>MTU to set at creation; null leaves the kernel's choice (for ipip: underlay minus 20).</summary>
    public int? Mtu { get; init; }

    /// <summary>Bring the link up right after creating it.</summary>
    public bool Up { get; init; }

    /// <summary>IFLA_IFALIAS, a free-text label; the desired-state engine marks what it owns with it.</summary>
    public string? Alias { get; init; }

    /// <summary>Name of a bridge to enslave the new link to.</summary>
    public string? Master { get; init; }

    /// <summary>
    /// The ifindex to create the link with; 0 lets the kernel choose. Restoring a deleted
    /// link (a desired-state rollback) uses it to give the link back its old index.
    /// </summary>
    public int Index { get; init; }

    /// <summary>The link-layer address to create an Ethernet-like link (veth, bridge) with; null lets the kernel choose.</summary>
    public PhysicalAddress? HardwareAddress { get; init; }
}
