using System.Text.Json.Serialization;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// One link (veth end, bridge, tunnel, or a device without a kind such as lo) as a
/// topology wants it or as it was read. Desired links leave <see cref="Mtu"/> null when
/// any MTU will do; read links carry the identity the kernel gave them (index, hardware
/// address), so that a rollback re-creates a deleted link exactly as it was.
/// </summary>
public sealed record LinkConfig
{
    public required string Name { get; init; }

    /// <summary>The link kind (IFLA_INFO_KIND, one of <see cref="TopologyKinds"/> in a topology); null for a device without a kind (lo, a physical NIC).</summary>
    public string? Kind { get; init; }

    public bool Up { get; init; } = true;

    public int? Mtu { get; init; }

    /// <summary>The bridge this link is a port of; null for none.</summary>
    public string? Master { get; init; }

    /// <summary>Read links: the bridge's index (IFLA_MASTER); 0 for none. <see cref="Master"/> is null if no link read has that index.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int MasterIndex { get; init; }

    /// <summary>The interface alias; <see cref="Ownership.LinkAlias"/> marks IpipTools' own links.</summary>
    public string? Alias { get; init; }

    /// <summary>For a desired veth: the other end. Read links leave it null (the kernel does not name a peer).</summary>
    public VethPeer? Peer { get; init; }

    public TunnelConfig? Tunnel { get; init; }

    /// <summary>
    /// Desired only: this link's addresses are exactly the declared ones (others are removed,
    /// whoever added them), and IpipTools' routes out of it are exactly the declared ones.
    /// A Calico-style tunl0 is declared so.
    /// </summary>
    public bool Exclusive { get; init; }

    /// <summary>Read links: the ifindex.</summary>
    public int Index { get; init; }

    /// <summary>Read links: IFLA_LINK, the veth peer's index or the tunnel's underlay index.</summary>
    public int ParentIndex { get; init; }

    /// <summary>Read links: the link-layer address ("aa:bb:..." for Ethernet).</summary>
    public string? HardwareAddress { get; init; }

    [JsonIgnore]
    public bool IsOwned => Alias == Ownership.LinkAlias;

    /// <summary>tunl0 (or gre0, sit0) and its kind: the device the module creates in every namespace; it can be neither created nor changed.</summary>
    [JsonIgnore]
    public bool IsFallbackTunnel => Tunnel is { } tunnel && Name == TopologyKinds.FindTunnel(tunnel.Mode)?.FallbackDeviceName;

    /// <summary>"veth v1", "bridge mybr0", "ipip tunl", "device lo".</summary>
    public string Describe() => $"{Kind ?? "device"} {Name}";
}
