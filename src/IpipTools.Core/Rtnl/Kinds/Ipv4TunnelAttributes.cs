using System.Net;
using System.Net.Sockets;
using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// Encodes, decodes and checks the part of IFLA_INFO_DATA every IPv4-outer tunnel kind
/// shares (<see cref="Ipv4TunnelParameters"/>). The kinds number these attributes
/// differently (IFLA_IPTUN_* for ipip and sit, IFLA_GRE_* for gre) but lay them out
/// alike, so an instance is just the numbering. The run local, remote, ttl, tos and
/// the four encapsulation attributes appear in that order in all three fill_info
/// functions of the kernel; each driver places the runs among its own attributes.
/// </summary>
internal sealed record Ipv4TunnelAttributes(
    ushort Link,
    ushort Local,
    ushort Remote,
    ushort Ttl,
    ushort Tos,
    ushort PathMtuDiscovery,
    ushort FirewallMark,
    ushort EncapType,
    ushort EncapFlags,
    ushort EncapSourcePort,
    ushort EncapDestinationPort,
    ushort CollectMetadata)
{
    /// <summary>IFLA_IPTUN_* (ipip, sit).</summary>
    public static readonly Ipv4TunnelAttributes IpTunnel = new(
        IpTunnelAttribute.Link, IpTunnelAttribute.Local, IpTunnelAttribute.Remote, IpTunnelAttribute.Ttl,
        IpTunnelAttribute.Tos, IpTunnelAttribute.PathMtuDiscovery, IpTunnelAttribute.FirewallMark,
        IpTunnelAttribute.EncapType, IpTunnelAttribute.EncapFlags, IpTunnelAttribute.EncapSourcePort,
        IpTunnelAttribute.EncapDestinationPort, IpTunnelAttribute.CollectMetadata);

    /// <summary>Local, remote, ttl, tos: the run that follows LINK (ipip, sit) or the keys (gre).</summary>
    public void WriteEndpoints(MessageWriter writer, Ipv4TunnelParameters tunnel)
    {
        writer.AddAddress(Local, tunnel.Local ?? IPAddress.Any);
        writer.AddAddress(Remote, tunnel.Remote ?? IPAddress.Any);
        writer.AddByte(Ttl, tunnel.Ttl);
        writer.AddByte(Tos, tunnel.Tos);
    }

    public void WritePathMtuDiscovery(MessageWriter writer, Ipv4TunnelParameters tunnel) =>
        writer.AddByte(PathMtuDiscovery, tunnel.PathMtuDiscovery ? (byte)1 : (byte)0);

    /// <summary>Type, source port, destination port, flags: the kernel's order; the ports travel big-endian.</summary>
    public void WriteEncapsulation(MessageWriter writer, Ipv4TunnelParameters tunnel)
    {
        writer.AddUInt16(EncapType, (ushort)tunnel.Encapsulation.Type);
        writer.AddUInt16BigEndian(EncapSourcePort, tunnel.Encapsulation.SourcePort);
        writer.AddUInt16BigEndian(EncapDestinationPort, tunnel.Encapsulation.DestinationPort);
        writer.AddUInt16(EncapFlags, tunnel.Encapsulation.Flags);
    }

    /// <summary>A flag attribute, present only when set (as the kernel reports it).</summary>
    public void WriteCollectMetadata(MessageWriter writer, Ipv4TunnelParameters tunnel)
    {
        if (tunnel.CollectMetadata)
        {
            writer.AddFlag(CollectMetadata);
        }
    }

    /// <summary>
    /// <paramref name="empty"/> (a kind's record with its own fields already read) with the
    /// shared fields filled from <paramref name="data"/>. An absent PMTUDISC means on, as the
    /// kernel takes it.
    /// </summary>
    public T Read<T>(AttributeList data, T empty)
        where T : Ipv4TunnelParameters
    {
        Ipv4TunnelParameters common = empty;
        return (T)(common with
        {
            UnderlayIndex = (int)(data.GetUInt32(Link) ?? 0),
            Local = NullIfAny(data.GetAddress(Local)),
            Remote = NullIfAny(data.GetAddress(Remote)),
            Ttl = data.GetByte(Ttl) ?? 0,
            Tos = data.GetByte(Tos) ?? 0,
            PathMtuDiscovery = (data.GetByte(PathMtuDiscovery) ?? 1) != 0,
            FirewallMark = data.GetUInt32(FirewallMark) ?? 0,
            Encapsulation = ReadEncapsulation(data),
            CollectMetadata = data.Contains(CollectMetadata),
        });
    }

    private TunnelEncapsulation ReadEncapsulation(AttributeList data)
    {
        var type = data.TryGet(EncapType, out var t) ? t.AsUInt16() : (ushort)0;
        var flags = data.TryGet(EncapFlags, out var f) ? f.AsUInt16() : (ushort)0;
        var sport = data.TryGet(EncapSourcePort, out var s) ? s.AsUInt16BigEndian() : (ushort)0;
        var dport = data.TryGet(EncapDestinationPort, out var d) ? d.AsUInt16BigEndian() : (ushort)0;
        var encapsulation = new TunnelEncapsulation((TunnelEncapsulationType)type, flags, sport, dport);
        return encapsulation == TunnelEncapsulation.None ? TunnelEncapsulation.None : encapsulation;
    }

    /// <summary>The kernel reports "no address" as 0.0.0.0; the model says null.</summary>
    internal static IPAddress? NullIfAny(IPAddress? address) =>
        address is null || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? null : address;

    /// <summary>Both endpoints, when given, must be IPv4: the outer header of these kinds is.</summary>
    internal static void RequireIPv4Endpoints(Ipv4TunnelParameters tunnel)
    {
        RequireIPv4(tunnel.Local, "local", tunnel.Kind);
        RequireIPv4(tunnel.Remote, "remote", tunnel.Kind);
    }

    /// <summary>
    /// ipip and sit set DF themselves whenever the TTL is fixed (ip_tunnel_netlink_parms),
    /// so "fixed TTL, no path MTU discovery" would silently come back with discovery on.
    /// </summary>
    internal static void RefuseFixedTtlWithoutPathMtuDiscovery(Ipv4TunnelParameters tunnel)
    {
        if (!tunnel.PathMtuDiscovery && tunnel.Ttl != 0)
        {
            throw new IpipToolsException(
                $"A fixed TTL ({tunnel.Ttl}) and path MTU discovery off cannot go together: a fixed TTL makes the kernel set DF on outer packets, which is path MTU discovery.",
                "ConflictingTunnelOptions", IpipErrorCategory.InvalidArgument,
                "Either keep path MTU discovery on, or use TTL 0 (inherit).", Describe(tunnel));
        }
    }

    /// <summary>Refuses an inner protocol the kind's module would reject (EINVAL) or misroute.</summary>
    internal static void RequireProtocol(Ipv4TunnelParameters tunnel, byte protocol, IReadOnlyCollection<byte> allowed, string choices)
    {
        if (!allowed.Contains(protocol))
        {
            throw new IpipToolsException(
                $"Inner protocol {protocol} is not one {Wording.WithArticle(tunnel.Kind)} tunnel carries.",
                "InvalidTunnelProtocol", IpipErrorCategory.InvalidArgument, $"Use {choices}.", Describe(tunnel));
        }
    }

    /// <summary>
    /// The tunnel in <c>ip tunnel</c>'s words ("ipip tunnel remote 192.0.2.1 ttl 32
    /// nopmtudisc"), as the target of an error about it: the record itself would print as a
    /// dump of its properties.
    /// </summary>
    internal static string Describe(Ipv4TunnelParameters tunnel)
    {
        var words = new List<string> { $"{tunnel.Kind} tunnel" };
        if (tunnel.Remote is not null)
        {
            words.Add($"remote {tunnel.Remote}");
        }

        if (tunnel.Local is not null)
        {
            words.Add($"local {tunnel.Local}");
        }

        words.Add(tunnel.Ttl == 0 ? "ttl inherit" : $"ttl {tunnel.Ttl}");
        words.Add(tunnel.PathMtuDiscovery ? "pmtudisc" : "nopmtudisc");
        return string.Join(' ', words);
    }

    private static void RequireIPv4(IPAddress? address, string role, string kind)
    {
        if (address is not null && address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new IpipToolsException(
                $"The {role} address {address} is not IPv4; {Wording.WithArticle(kind)} tunnel has IPv4 outer endpoints.",
                "InvalidTunnelEndpoint", IpipErrorCategory.InvalidArgument,
                "Give an IPv4 address, or use an ip6tnl tunnel for IPv6 endpoints.", address);
        }
    }
}
