namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// What a builder of many links (desired state) asks of a kind's driver, so that no kind is
/// named outside its driver: its role, where its links go in the creation order, and what a
/// link of it is made with. A driver whose links IpipTools can build in sets implements this.
/// </summary>
internal interface ICreatableKind
{
    /// <summary>The IFLA_INFO_KIND string.</summary>
    string Kind { get; }

    LinkRole Role { get; }

    /// <summary>
    /// The place of its links when links are added or changed, lowest first: a link must come
    /// after what it refers to (bridges before their ports, an underlay before its tunnels).
    /// </summary>
    int CreationRank { get; }

    /// <summary>The parameters a new link of this kind is created with when nothing else is stated.</summary>
    LinkKindParameters CreationDefaults { get; }

    /// <summary>The kernel module that provides the kind, for a "modprobe" hint when the kernel lacks it.</summary>
    string KernelModule { get; }

    /// <summary>The kernel configuration option that builds the kind in (or as that module).</summary>
    string KernelConfigOption { get; }

    /// <summary>
    /// Whether its links have an Ethernet address of their own, which a link made again is given
    /// back (a tunnel's link-layer address is its local endpoint, set by its parameters).
    /// </summary>
    bool HasHardwareAddress { get; }
}
