using System.Net.NetworkInformation;
using IpipTools.Core.Namespaces;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// A veth pair (kind "veth"). The peer is created together with the link and may be
/// placed straight into another namespace.
/// </summary>
public sealed record VethParameters(string? PeerName, NetNamespace? PeerNamespace = null) : LinkKindParameters
{
    public override string Kind => "veth";

    /// <summary>
    /// The peer's ifindex (in <see cref="PeerNamespace"/>). On creation 0 lets the kernel
    /// choose, which honours another only when the link's own index is given too; a veth end
    /// read by the cmdlets carries its peer's.
    /// </summary>
    public int PeerIndex { get; init; }

    /// <summary>The peer's link-layer address; null lets the kernel choose.</summary>
    public PhysicalAddress? PeerHardwareAddress { get; init; }

    /// <summary>
    /// The peer's MTU; null leaves the kernel's default (1500). The link's own MTU does not
    /// carry over: like <c>ip link add a mtu N type veth peer name b</c>, which leaves b at
    /// 1500, the peer gets an MTU only from its own IFLA_MTU (<c>peer name b mtu N</c>).
    /// </summary>
    public int? PeerMtu { get; init; }

    /// <summary>On creation: bring the peer up once it exists (the kernel would leave it down).</summary>
    public bool PeerIsUp { get; init; }

    /// <summary>On creation: the peer's alias, set on it once it exists (the kernel ignores an alias in a creation request).</summary>
    public string? PeerAlias { get; init; }

    /// <summary>On creation: the bridge, in the peer's namespace, the peer joins once it exists.</summary>
    public string? PeerMaster { get; init; }
}
