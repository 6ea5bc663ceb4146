using System.Net;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// Everything the kernel keeps for a sit tunnel (IPv6 in IPv4, kind "sit"; also 6to4,
/// 6rd and ISATAP). The module's fallback device is sit0.
/// </summary>
public sealed record SitParameters : Ipv4TunnelParameters
{
    public const byte ProtocolIpv6 = 41;  // IPPROTO_IPV6: what "ip tunnel add ... mode sit" makes
    public const byte ProtocolIpip = 4;   // IPPROTO_IPIP: sit can carry IPv4 too
    public const byte ProtocolMpls = 137; // IPPROTO_MPLS
    public const byte ProtocolAny = 0;    // both IPv6 and IPv4 ("ip link add ... type sit" without mode)

    public override string Kind => "sit";

    public override string FallbackDeviceName => "sit0";

    public override string ShowMode => "ipv6/ip";

    /// <summary>"isatap" for an ISATAP router, otherwise "sit".</summary>
    public override string Mode => Isatap ? IsatapMode : Kind;

    /// <summary>The mode name of <c>ip tunnel add ... mode isatap</c>: a sit tunnel with <see cref="Isatap"/> set.</summary>
    public const string IsatapMode = "isatap";

    /// <summary>Inner protocol accepted: 41 (IPv6, the default), 4 (IPv4), 137 (MPLS) or 0 (any). Fixed at creation.</summary>
    public byte Protocol { get; init; } = ProtocolIpv6;

    /// <summary>ISATAP (RFC 5214) router: SIT_ISATAP in IFLA_IPTUN_FLAGS. Fixed at creation.</summary>
    public bool Isatap { get; init; }

    /// <summary>
    /// The 6rd prefix (IFLA_IPTUN_6RD_PREFIX/PREFIXLEN); null leaves the kernel's (2002::/16,
    /// plain 6to4, on creation) or the tunnel's current one (on a change).
    /// </summary>
    public IPNetwork? SixRdPrefix { get; init; }

    /// <summary>The 6rd relay prefix (IFLA_IPTUN_6RD_RELAY_PREFIX/LEN); only sent with <see cref="SixRdPrefix"/>; null is 0.0.0.0/0.</summary>
    public IPNetwork? SixRdRelayPrefix { get; init; }

    /// <summary>ipip6_tunnel_update copies neither the protocol nor the flags of a change.</summary>
    public override string? FixedAtCreationDifference(Ipv4TunnelParameters current) =>
        base.FixedAtCreationDifference(current)
        ?? (current is not SitParameters sit ? null
            : sit.Protocol != Protocol ? "inner protocol"
            : sit.Isatap != Isatap ? "ISATAP mode"
            : null);
}
