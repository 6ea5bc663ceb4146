namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>UDP encapsulation of a tunnel (FOU/GUE; enum tunnel_encap_types in linux/if_tunnel.h).</summary>
public enum TunnelEncapsulationType : ushort
{
    None = 0,
    Fou = 1,
    Gue = 2,
    Mpls = 3,
}

/// <summary>
/// IFLA_IPTUN_ENCAP_*: the outer UDP header some tunnels add. Ports are 0 when
/// unused; a source port of 0 means the kernel picks one per flow.
/// </summary>
public sealed record TunnelEncapsulation(
    TunnelEncapsulationType Type = TunnelEncapsulationType.None,
    ushort Flags = 0,
    ushort SourcePort = 0,
    ushort DestinationPort = 0)
{
    public static readonly TunnelEncapsulation None = new();

    public override string ToString() => Type == TunnelEncapsulationType.None
        ? "none"
        : $"{Type.ToString().ToLowerInvariant()} sport {(SourcePort == 0 ? "auto" : SourcePort)} dport {DestinationPort}";
}
