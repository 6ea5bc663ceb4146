using System.Net;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// What the kernel keeps alike for every tunnel with an IPv4 outer header (ipip, sit,
/// gre: struct ip_tunnel_parm plus fwmark and encapsulation). A kind's record derives
/// from this and adds only its own extras, so one reader (<see cref="Ipv4TunnelAttributes"/>)
/// and one set of checks serve every kind. The defaults are the kernel's and iproute2's:
/// any local address, ttl inherit (0), tos 0, path MTU discovery on.
/// </summary>
public abstract record Ipv4TunnelParameters : LinkKindParameters, ITunnelParameters
{
    /// <summary>The device the kind's module creates in every namespace (tunl0, sit0, gre0).</summary>
    public abstract string FallbackDeviceName { get; }

    /// <summary>Outer source address; null (0.0.0.0) lets routing choose.</summary>
    public IPAddress? Local { get; init; }

    /// <summary>Outer destination; null (0.0.0.0) makes a point-to-multipoint (NBMA) tunnel like tunl0.</summary>
    public IPAddress? Remote { get; init; }

    /// <summary>Outer TTL, 1..255; 0 copies the inner packet's TTL ("inherit").</summary>
    public byte Ttl { get; init; }

    /// <summary>Outer TOS; 0 is iproute2's default, 1 ("inherit") copies the inner TOS.</summary>
    public byte Tos { get; init; }

    /// <summary>Set DF on outer packets and honour path MTU; on by default.</summary>
    public bool PathMtuDiscovery { get; init; } = true;

    /// <summary>ifindex of the underlay device the tunnel is bound to (the kind's LINK attribute); 0 for none.</summary>
    public int UnderlayIndex { get; init; }

    public TunnelEncapsulation Encapsulation { get; init; } = TunnelEncapsulation.None;

    /// <summary>External control (metadata) mode, used by eBPF and OVS; no fixed endpoints.</summary>
    public bool CollectMetadata { get; init; }

    /// <summary>Firewall mark applied to outer packets.</summary>
    public uint FirewallMark { get; init; }

    public ITunnelParameters WithUnderlay(int underlayIndex) => this with { UnderlayIndex = underlayIndex };

    /// <summary>
    /// The first setting in which these parameters differ from <paramref name="current"/>
    /// although the kernel fixes it when the tunnel is created, in words ("inner
    /// protocol"); null when a change request can carry the difference. Point-to-point
    /// versus point-to-multipoint and external mode are refused (EINVAL, no message) by
    /// every kind's changelink; a kind adds what its changelink silently ignores.
    /// </summary>
    public virtual string? FixedAtCreationDifference(Ipv4TunnelParameters current) =>
        (Remote is null) != (current.Remote is null) ? "point-to-point mode (a remote address or none)"
        : CollectMetadata != current.CollectMetadata ? "external (collect metadata) mode"
        : null;
}
