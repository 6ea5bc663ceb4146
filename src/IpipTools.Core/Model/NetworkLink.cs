using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Model;

/// <summary>A network interface as the kernel reports it, in the namespace it was read from.</summary>
public sealed record NetworkLink
{
    public required string Name { get; init; }

    public required int Index { get; init; }

    /// <summary>The namespace the link lives in: its name, its path, or null for the caller's.</summary>
    public string? Namespace { get; init; }

    /// <summary>IFLA_INFO_KIND ("veth", "bridge", "ipip", ...); null for loopback and physical devices.</summary>
    public string? Kind { get; init; }

    /// <summary>The kind's decoded parameters, when IpipTools has a driver for it.</summary>
    public LinkKindParameters? KindParameters { get; init; }

    public int Mtu { get; init; }

    public LinkFlags Flags { get; init; }

    /// <summary>Administratively up (IFF_UP).</summary>
    public bool IsUp => Flags.HasFlag(LinkFlags.Up);

    public OperationalState OperationalState { get; init; }

    /// <summary>ARPHRD_* device type (1 ether, 772 loopback, 768 ipip, 776 sit, 778 gre).</summary>
    public ushort DeviceType { get; init; }

    /// <summary>Link-layer address: "aa:bb:cc:dd:ee:ff" for Ethernet, the local IPv4 address for ipip.</summary>
    public string? HardwareAddress { get; init; }

    /// <summary>IFLA_LINK: the veth peer's index, or the underlay device of a tunnel; 0 for none.</summary>
    public int ParentIndex { get; init; }

    /// <summary>
    /// IFLA_LINK_NETNSID: when set, <see cref="ParentIndex"/> is an index in another
    /// namespace (this namespace's id for it), e.g. a veth whose peer was moved away.
    /// </summary>
    public int? ParentNamespaceId { get; init; }

    /// <summary>The bridge (or other master) this link is enslaved to; 0 for none.</summary>
    public int MasterIndex { get; init; }

    public string? Alias { get; init; }

    public LinkStatistics Statistics { get; init; } = LinkStatistics.Empty;

    /// <summary>Like <c>ip -br link</c>: name, state, address, flags.</summary>
    public override string ToString() =>
        $"{Name,-16} {OperationalStateText(OperationalState),-14} {HardwareAddress ?? string.Empty,-17} <{Flags.ToIpString()}>";

    internal static string OperationalStateText(OperationalState state) => state switch
    {
        OperationalState.LowerLayerDown => "LOWERLAYERDOWN",
        OperationalState.NotPresent => "NOTPRESENT",
        _ => state.ToString().ToUpperInvariant(),
    };
}
