using System.Text.Json.Serialization;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.DesiredState.Topologies;

/// <summary>
/// One link of a topology (veth end, bridge, tunnel, or a device without a kind such as lo),
/// as a topology wants it or as it was read: the core's <see cref="Rtnl.Links.Link"/>, with
/// its kind's typed parameters, and beside it the few facts only a topology has. A desired
/// link leaves <see cref="Link.Mtu"/> null when any MTU will do and states a veth's other
/// end in its <see cref="VethParameters"/> (name, namespace, MTU); a read link carries the
/// identity the kernel gave it (index, hardware address), so that a rollback re-creates a
/// deleted link exactly as it was.
/// </summary>
public sealed record TopologyLink
{
    public required Link Link { get; init; }

    /// <summary>
    /// A tunnel's underlay device by name (the kernel knows it by index); null for none, or,
    /// read, for an underlay no link of the namespace has (one in another namespace: the
    /// index in the tunnel's parameters tells).
    /// </summary>
    public string? Underlay { get; init; }

    /// <summary>A desired veth: the other end's state; null: the same as this end's.</summary>
    public bool? PeerUp { get; init; }

    /// <summary>A desired veth: the bridge the other end is a port of (in its own namespace); null for none.</summary>
    public string? PeerMaster { get; init; }

    /// <summary>
    /// Desired only: this link's addresses are exactly the declared ones (others are removed,
    /// whoever added them), and IpipTools' routes out of it are exactly the declared ones.
    /// A Calico-style tunl0 is declared so.
    /// </summary>
    public bool Exclusive { get; init; }

    [JsonIgnore]
    public string Name => Link.Name;

    /// <summary>The link kind (IFLA_INFO_KIND); null for a device without a kind (lo, a physical NIC).</summary>
    [JsonIgnore]
    public string? Kind => Link.Kind;

    [JsonIgnore]
    public bool Up => Link.IsUp;

    /// <summary>The bridge this link is a port of, by name; null for none.</summary>
    [JsonIgnore]
    public string? Master => Link.Master;

    /// <summary>A tunnel's parameters; null for any other link.</summary>
    [JsonIgnore]
    public Ipv4TunnelParameters? Tunnel => Link.KindParameters as Ipv4TunnelParameters;

    /// <summary>A desired veth's other end, by name (its namespace is always stated beside it, in <see cref="VethParameters.PeerNamespace"/>); null for a read veth (the kernel names no peer) and any other link.</summary>
    [JsonIgnore]
    public string? PeerName => (Link.KindParameters as VethParameters)?.PeerName;

    /// <summary>The namespace of <see cref="PeerName"/>, as a topology names it.</summary>
    [JsonIgnore]
    public string? PeerNamespace => Link.KindParameters is VethParameters { PeerName: not null, PeerNamespace: { } ns } ? TopologyNamespace.Of(ns) : null;

    [JsonIgnore]
    public bool IsOwned => Link.Alias == Ownership.LinkAlias;

    /// <summary>tunl0 (or gre0, sit0) and its kind: the device the module creates in every namespace; it can be neither created nor changed.</summary>
    [JsonIgnore]
    public bool IsFallbackTunnel => Tunnel is { } tunnel && Name == tunnel.FallbackDeviceName;

    /// <summary>This link with <paramref name="change"/> made to its <see cref="Link"/>.</summary>
    public TopologyLink With(Func<Link, Link> change) => this with { Link = change(Link) };

    /// <summary>A veth whose other end is <paramref name="peerName"/> in the namespace a topology calls <paramref name="peerNamespace"/>.</summary>
    public TopologyLink WithPeer(string peerName, string peerNamespace) => With(l => l with
    {
        KindParameters = (l.KindParameters as VethParameters ?? new VethParameters(null)) with { PeerName = peerName, PeerNamespace = TopologyNamespace.Resolve(peerNamespace) },
    });

    /// <summary>"veth v1", "bridge mybr0", "ipip tunl", "device lo".</summary>
    public string Describe() => $"{Kind ?? "device"} {Name}";
}
