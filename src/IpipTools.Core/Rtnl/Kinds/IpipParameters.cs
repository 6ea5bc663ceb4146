namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// Everything the kernel keeps for an ipip tunnel (IPv4 in IPv4, kind "ipip"). The
/// defaults are the kernel's and iproute2's: any local address, ttl inherit (0), tos
/// inherit (0), path MTU discovery on, inner protocol IPIP.
/// </summary>
public sealed record IpipParameters : Ipv4TunnelParameters
{
    public const byte ProtocolIpip = 4;   // IPPROTO_IPIP
    public const byte ProtocolMpls = 137; // IPPROTO_MPLS
    public const byte ProtocolAny = 0;

    public override string Kind => "ipip";

    public override string FallbackDeviceName => "tunl0";

    public override string ShowMode => "ip/ip";

    /// <summary>Inner protocol accepted: 4 (IPIP), 137 (MPLS) or 0 (any). Fixed at creation.</summary>
    public byte Protocol { get; init; } = ProtocolIpip;

    /// <summary>ipip_changelink ignores IFLA_IPTUN_PROTO (ip_tunnel_update does not copy it).</summary>
    public override string? FixedAtCreationDifference(Ipv4TunnelParameters current) =>
        base.FixedAtCreationDifference(current)
        ?? (current is IpipParameters ipip && ipip.Protocol != Protocol ? "inner protocol" : null);
}
