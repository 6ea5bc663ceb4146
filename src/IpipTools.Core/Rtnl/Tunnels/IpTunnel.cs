using System.Net;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Rtnl.Tunnels;

/// <summary>
/// An IP tunnel device (ipip, gre, sit, isatap, vti) as the tunnel cmdlets show it: a typed view of a
/// <see cref="Rtnl.Links.Link"/> whose kind parameters are a tunnel's. It holds no copy of the
/// link's fields; every property reads the link or its parameters. The one thing it adds
/// is the underlay device's name, which the kernel reports only by index.
/// </summary>
public sealed record IpTunnel
{
    private IpTunnel(Link link, Ipv4TunnelParameters parameters, string? underlayDevice)
    {
        Link = link;
        Parameters = parameters;
        UnderlayDevice = underlayDevice;
    }

    /// <summary>The link this is a view of.</summary>
    public Link Link { get; }

    /// <summary>The complete kind-specific parameters (what a change request resends).</summary>
    public Ipv4TunnelParameters Parameters { get; }

    /// <summary>Name of the device the tunnel is bound to (IFLA_IPTUN_LINK), if any.</summary>
    public string? UnderlayDevice { get; }

    public string Name => Link.Name;

    public int Index => Link.Index;

    /// <summary>The namespace the tunnel lives in: its name, its path, or null for the caller's.</summary>
    public string? Namespace => Link.Namespace;

    /// <summary>"ipip", "gre", "sit" or "vti": the link's kind.</summary>
    public string Kind => Parameters.Kind;

    /// <summary>The mode as <c>ip tunnel</c> names it: the kind, or "isatap" for a sit tunnel with the ISATAP flag.</summary>
    public string Mode => Parameters.Mode;

    /// <summary>The key incoming packets carry (gre ikey; vti's xfrm mark); null when none or the kind has no keys.</summary>
    public uint? InputKey => Parameters switch { GreParameters gre => gre.InputKey, VtiParameters vti => vti.InputKey, _ => null };

    /// <summary>The key put on outgoing packets (gre okey; vti's xfrm mark); null when none or the kind has no keys.</summary>
    public uint? OutputKey => Parameters switch { GreParameters gre => gre.OutputKey, VtiParameters vti => vti.OutputKey, _ => null };

    /// <summary>Outer source address; null when any (0.0.0.0).</summary>
    public IPAddress? Local => Parameters.Local;

    /// <summary>Outer destination; null for a point-to-multipoint tunnel (tunl0 style).</summary>
    public IPAddress? Remote => Parameters.Remote;

    /// <summary>Outer TTL; 0 means inherit.</summary>
    public byte Ttl => Parameters.Ttl;

    public byte Tos => Parameters.Tos;

    public bool PathMtuDiscovery => Parameters.PathMtuDiscovery;

    public int Mtu => Link.Mtu ?? 0;

    public bool IsUp => Link.IsUp;

    public OperationalState OperationalState => Link.OperationalState;

    public LinkFlags Flags => Link.Flags;

    public int UnderlayIndex => Parameters.UnderlayIndex;

    /// <summary>True for the device the module creates in every namespace (tunl0, gre0, sit0, ip_vti0).</summary>
    public bool IsFallback => Name == Parameters.FallbackDeviceName && Local is null && Remote is null && UnderlayIndex == 0;

    public bool CollectMetadata => Parameters.CollectMetadata;

    public uint FirewallMark => Parameters.FirewallMark;

    public TunnelEncapsulation Encapsulation => Parameters.Encapsulation;

    public LinkStatistics Statistics => Link.Statistics;

    /// <summary>Like <c>ip tunnel show</c>: "tun1: ip/ip remote 10.10.20.2 local 10.10.10.2 ttl inherit".</summary>
    public override string ToString()
    {
        var text = $"{Name}: {Parameters.ShowMode} remote {Remote?.ToString() ?? "any"} local {Local?.ToString() ?? "any"}";
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
    public static IpTunnel? FromLink(Link link, Func<int, string?> nameOfIndex) =>
        link.KindParameters is Ipv4TunnelParameters tunnel
            ? new IpTunnel(link, tunnel, tunnel.UnderlayIndex == 0 ? null : nameOfIndex(tunnel.UnderlayIndex))
            : null;
}
