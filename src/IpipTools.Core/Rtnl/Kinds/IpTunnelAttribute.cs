namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>IFLA_IPTUN_* (linux/if_tunnel.h): the attributes of ipip and sit tunnels.</summary>
public static class IpTunnelAttribute
{
    public const ushort Link = 1;
    public const ushort Local = 2;
    public const ushort Remote = 3;
    public const ushort Ttl = 4;
    public const ushort Tos = 5;
    public const ushort EncapLimit = 6;
    public const ushort FlowInfo = 7;
    public const ushort Flags = 8;
    public const ushort Protocol = 9;
    public const ushort PathMtuDiscovery = 10;
    public const ushort SixRdPrefix = 11;
    public const ushort SixRdRelayPrefix = 12;
    public const ushort SixRdPrefixLength = 13;
    public const ushort SixRdRelayPrefixLength = 14;
    public const ushort EncapType = 15;
    public const ushort EncapFlags = 16;
    public const ushort EncapSourcePort = 17;
    public const ushort EncapDestinationPort = 18;
    public const ushort CollectMetadata = 19;
    public const ushort FirewallMark = 20;
}
