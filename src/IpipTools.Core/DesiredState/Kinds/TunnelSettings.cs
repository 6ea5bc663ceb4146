using System.Globalization;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Kinds;

/// <summary>
/// The settings of a tunnel a topology states, and only those: the ones every IPv4 tunnel
/// has, the underlay by name, and the kind's own (<see cref="ITunnelKind.OwnSettings"/>, a gre
/// tunnel's keys). What a topology does not model (inner protocol, encapsulation, a gre
/// tunnel's checksums) is neither compared nor changed, so a tunnel tuned by hand keeps it.
/// </summary>
public static class TunnelSettings
{
    /// <summary>The settings every tunnel has, in the order a change reads, each in ip tunnel's words.</summary>
    private static readonly ComparedProperty<TopologyLink>[] Common =
    [
        // The mode, not the kind: a flavour of a kind (isatap of sit) is a mode of its own.
        new("mode", l => l.Tunnel!.Mode),
        new("local", l => l.Tunnel!.Local) { Unset = "any" },
        new("remote", l => l.Tunnel!.Remote) { Unset = "any" },
        new("ttl", l => l.Tunnel!.Ttl == 0 ? "inherit" : l.Tunnel.Ttl.ToString(CultureInfo.InvariantCulture)),
        new("tos", l => l.Tunnel!.Tos),
        new("pmtudisc", l => l.Tunnel!.PathMtuDiscovery) { Describe = (_, want) => want is true ? "nopmtudisc → pmtudisc" : "pmtudisc → nopmtudisc" },

        // By name; only between two tunnels whose underlays have no name here do the indexes tell.
        new("dev", UnderlayText),
        new("external", l => l.Tunnel!.CollectMetadata) { Describe = (_, want) => want is true ? "external (collect_metadata) on" : "external (collect_metadata) off" },
        new("fwmark", l => l.Tunnel!.FirewallMark),
    ];

    /// <summary>
    /// What differs between two tunnels, as "ttl 64 → 10" phrases: the common settings, then
    /// the own settings of the wanted kind (and of the present one, when the kind changes).
    /// </summary>
    public static IEnumerable<string> Differences(TopologyLink desired, TopologyLink actual)
    {
        var kinds = new[] { desired.Kind, actual.Kind }.Distinct().Select(k => TopologyKinds.FindTunnel(k)).OfType<ITunnelKind>();
        var own = kinds.SelectMany(kind => kind.OwnSettings.Select(setting =>
            new ComparedProperty<TopologyLink>(setting.Name, l => l.Kind == kind.Kind ? setting.Get(l.Tunnel!) : null)));
        return PropertyDifferences.Between(desired, actual, Common.Concat(own));
    }

    /// <summary>
    /// <paramref name="current"/> with every setting <paramref name="desired"/> states, bound
    /// to the underlay of index <paramref name="underlayIndex"/>; the rest is kept.
    /// </summary>
    public static Ipv4TunnelParameters ApplyTo(Ipv4TunnelParameters desired, Ipv4TunnelParameters current, int underlayIndex)
    {
        var kind = TopologyKinds.Tunnel(desired.Kind);
        var common = current with
        {
            Local = desired.Local,
            Remote = desired.Remote,
            Ttl = desired.Ttl,
            Tos = desired.Tos,
            PathMtuDiscovery = desired.PathMtuDiscovery,
            CollectMetadata = desired.CollectMetadata,
            FirewallMark = desired.FirewallMark,
            UnderlayIndex = underlayIndex,
        };
        return kind.OwnSettings.Aggregate(common, (p, setting) => setting.Set(p, setting.Get(desired)));
    }

    /// <summary>What a topology would state for <paramref name="read"/>: its stated settings on its mode's defaults.</summary>
    public static Ipv4TunnelParameters Stated(Ipv4TunnelParameters read) =>
        ApplyTo(read, TopologyKinds.DefaultsOf(read), read.UnderlayIndex);

    /// <summary>No endpoints, no underlay, nothing but the mode's defaults: the parameter set of the fallback device (tunl0).</summary>
    public static bool HasNoParameters(TopologyLink link) =>
        link.Underlay is null && link.Tunnel is { } tunnel && Stated(tunnel) == TopologyKinds.DefaultsOf(tunnel);

    /// <summary>The underlay as a plan names it: by name; by index only when it has no name here (it is in another namespace).</summary>
    private static string UnderlayText(TopologyLink link) =>
        link.Underlay ?? (link.Tunnel!.UnderlayIndex == 0 ? "none" : $"(index {link.Tunnel.UnderlayIndex}, in another namespace)");
}
