using System.Net;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Model;

/// <summary>An IP tunnel device (ipip, gre, sit) with its endpoints and settings, as the kernel reports it.</summary>
public sealed record IpTunnel
{
    public required string Name { get; init; }

    public required int Index { get; init; }

    /// <summary>The namespace the tunnel lives in: its name, its path, or null for the caller's.</summary>
    public string? Namespace { get; init; }

    /// <summary>"ipip", "gre" or "sit".</summary>
    public required string Kind { get; init; }

    /// <summary>Outer source address; null when any (0.0.0.0).</summary>
    public IPAddress? Local { get; init; }

    /// <summary>Outer destination; null for a point-to-multipoint tunnel (tunl0 style).</summary>
    public IPAddress? Remote { get; init; }

    /// <summary>Outer TTL; 0 means inherit.</summary>
    public byte Ttl { get; init; }

    public byte Tos { get; init; }

    public bool PathMtuDiscovery { get; init; }

    public int Mtu { get; init; }

    public bool IsUp => Flags.HasFlag(LinkFlags.Up);

    public OperationalState OperationalState { get; init; }

    public LinkFlags Flags { get; init; }

    public int UnderlayIndex { get; init; }

    /// <summary>Name of the device the tunnel is bound to (IFLA_IPTUN_LINK), if any.</summary>
    public string? UnderlayDevice { get; init; }

    /// <summary>True for the device the module creates in every namespace (tunl0, gre0, sit0).</summary>
    public bool IsFallback { get; init; }

    public bool CollectMetadata { get; init; }

    public uint FirewallMark { get; init; }

    public TunnelEncapsulation Encapsulation { get; init; } = TunnelEncapsulation.None;

    public LinkStatistics Statistics { get; init; } = LinkStatistics.Empty;

    /// <summary>The complete kind-specific parameters (what a change request resends).</summary>
    public required LinkKindParameters Parameters { get; init; }

    /// <summary>Like <c>ip tunnel show</c>: "tun1: ip/ip remote 10.10.20.2 local 10.10.10.2 ttl inherit".</summary>
    public override string ToString()
    {
        var mode = Kind switch { "ipip" => "ip/ip", "gre" => "gre/ip", "sit" => "ipv6/ip", _ => Kind };
        var text = $"{Name}: {mode} remote {Remote?.ToString() ?? "any"} local {Local?.ToString() ?? "any"}";
        if (UnderlayDevice is not null)
        {
            text += $" dev {UnderlayDevice}";
        }

        text += Ttl == 0 ? " ttl inherit" : $" ttl {Ttl}";
        if (Tos == 1)
        {
            text += " tos inherit";
        }
        else if (Tos != 0)
        {
            text += $" tos 0x{Tos:x}";
        }

        if (!PathMtuDiscovery)
        {
            text += " nopmtudisc";
        }

        return text;
    }

    /// <summary>The tunnel view of a link, or null if the link is not an IP tunnel kind IpipTools knows.</summary>
    public static IpTunnel? FromLink(NetworkLink link, Func<int, string?> nameOfIndex)
    {
        if (link.KindParameters is not ITunnelParameters tunnel || link.KindParameters is null)
        {
            return null;
        }

        return new IpTunnel
        {
            Name = link.Name,
            Index = link.Index,
            Namespace = link.Namespace,
            Kind = tunnel.Kind,
            Local = tunnel.Local,
            Remote = tunnel.Remote,
            Ttl = tunnel.Ttl,
            Tos = tunnel.Tos,
            PathMtuDiscovery = tunnel.PathMtuDiscovery,
            Mtu = link.Mtu,
            OperationalState = link.OperationalState,
            Flags = link.Flags,
            UnderlayIndex = tunnel.UnderlayIndex,
            UnderlayDevice = tunnel.UnderlayIndex == 0 ? null : nameOfIndex(tunnel.UnderlayIndex),
            IsFallback = link.Name == tunnel.FallbackDeviceName && tunnel.Local is null && tunnel.Remote is null && tunnel.UnderlayIndex == 0,
            CollectMetadata = tunnel.CollectMetadata,
            FirewallMark = tunnel.FirewallMark,
            Encapsulation = tunnel.Encapsulation,
            Statistics = link.Statistics,
            Parameters = link.KindParameters,
        };
    }
}
