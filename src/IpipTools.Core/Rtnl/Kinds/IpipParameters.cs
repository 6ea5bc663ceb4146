using System.Net;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// Everything the kernel keeps for an ipip tunnel (IPv4 in IPv4, kind "ipip"). The
/// defaults are the kernel's and iproute2's: any local address, ttl inherit (0), tos
/// inherit (0), path MTU discovery on, inner protocol IPIP.
/// </summary>
public sealed record IpipParameters : LinkKindParameters, ITunnelParameters
{
    public const byte ProtocolIpip = 4;   // IPPROTO_IPIP
    public const byte ProtocolMpls = 137; // IPPROTO_MPLS
    public const byte ProtocolAny = 0;

    public override string Kind => "ipip";

    public string FallbackDeviceName => "tunl0";

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

    /// <summary>ifindex of the underlay device the tunnel is bound to (IFLA_IPTUN_LINK); 0 for none.</summary>
    public int UnderlayIndex { get; init; }

    /// <summary>Inner protocol accepted: 4 (IPIP), 137 (MPLS) or 0 (any).</summary>
    public byte Protocol { get; init; } = ProtocolIpip;

    public TunnelEncapsulation Encapsulation { get; init; } = TunnelEncapsulation.None;

    /// <summary>External control (metadata) mode, used by eBPF and OVS; no fixed endpoints.</summary>
    public bool CollectMetadata { get; init; }

    /// <summary>Firewall mark applied to outer packets.</summary>
    public uint FirewallMark { get; init; }

    public ITunnelParameters WithUnderlay(int underlayIndex) => this with { UnderlayIndex = underlayIndex };
}
