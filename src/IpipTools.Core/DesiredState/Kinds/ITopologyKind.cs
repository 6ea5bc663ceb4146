using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// What desired state asks of a link kind's driver, so that no kind is named outside its
/// driver: how a topology declares it, where it goes in the creation order, and what a
/// link of it is made with. A driver whose kind topologies can manage implements this.
/// </summary>
internal interface ITopologyKind
{
    /// <summary>The IFLA_INFO_KIND string.</summary>
    string Kind { get; }

    TopologyRole Role { get; }

    /// <summary>
    /// The place of its links when links are added or changed, lowest first: a link must come
    /// after what it refers to (bridges before their ports, an underlay before its tunnels).
    /// </summary>
    int CreationRank { get; }

    /// <summary>The parameters a new link of this kind is created with when the topology states nothing else.</summary>
    LinkKindParameters CreationDefaults { get; }
}
