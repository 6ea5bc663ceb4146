using IpipTools.Core.DesiredState.Topologies;
namespace IpipTools.Core.DesiredState.Mesh;

/// <summary>
/// One node's view of a Calico-style IPIP mesh: the fallback device (tunl0) up with exactly
/// one /32 address from the node's own block, and one onlink route per peer block via that
/// peer's underlay address, each with the mesh's MTU and IpipTools' protocol tag.
/// </summary>
public sealed record MeshSpec
{
    /// <summary>The node's namespace ("" for the current one).</summary>
    public string Namespace { get; init; } = TopologyNamespace.Current;

    /// <summary>The device the mesh uses; Calico's is the ipip fallback device.</summary>
    public string Device { get; init; } = "tunl0";

    /// <summary>The node's tunnel address, "10.42.1.0" or "10.42.1.0/32".</summary>
    public required string Address { get; init; }

    public IReadOnlyList<MeshPeer> Peers { get; init; } = Array.Empty<MeshPeer>();

    /// <summary>MTU set on every mesh route (RTAX_MTU); null for none.</summary>
    public int? RouteMtu { get; init; }

    /// <summary>MTU of the tunnel device itself; null leaves it as it is.</summary>
    public int? DeviceMtu { get; init; }

    public Rtnl.Routes.RouteTable Table { get; init; } = Rtnl.Routes.RouteTable.Main;
}
