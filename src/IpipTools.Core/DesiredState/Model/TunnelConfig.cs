using System.Globalization;
using System.Net;
using System.Text.Json.Serialization;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Kinds;
namespace IpipTools.Core.DesiredState;

/// <summary>
/// An IP tunnel's parameters as a topology states them and as they are read back: the
/// complete set (the kernel replaces all of them on a change), with iproute2's defaults.
/// Addresses are kept as text so the record compares, prints and serializes simply.
/// </summary>
public sealed record TunnelConfig
{
    /// <summary>The tunnel kind (IFLA_INFO_KIND); a topology entry without a Mode is an ipip tunnel.</summary>
    public string Mode { get; init; } = TopologyKinds.DefaultTunnel.Kind;

    /// <summary>Outer source address; null for any.</summary>
    public string? Local { get; init; }

    /// <summary>Outer destination; null for a point-to-multipoint tunnel in the style of tunl0.</summary>
    public string? Remote { get; init; }

    /// <summary>0 inherits the inner packet's TTL.</summary>
    public byte Ttl { get; init; }

    /// <summary>0 is iproute2's default, 1 "inherit".</summary>
    public byte Tos { get; init; }

    public bool PathMtuDiscovery { get; init; } = true;

    /// <summary>The underlay device the tunnel is bound to, by name; null for none (or, read, one no link of the namespace has: see <see cref="UnderlayIndex"/>).</summary>
    public string? Underlay { get; init; }

    /// <summary>
    /// Read tunnels: the underlay's index as the kernel reports it (IFLA_IPTUN_LINK); 0 for
    /// none. It tells a tunnel bound to a device of another namespace, which has no name
    /// here, from one bound to none, and lets a rollback bind the restored tunnel to it again.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int UnderlayIndex { get; init; }

    public bool CollectMetadata { get; init; }

    public uint FirewallMark { get; init; }

    /// <summary>The settings of the kind's own (a gre tunnel's keys); only its driver knows them.</summary>
    [JsonIgnore]
    public TunnelOptions Options { get; init; } = TunnelOptions.None;

    /// <summary>
    /// <see cref="Options"/> in plans and state fingerprints, left out when there are none, so
    /// that a tunnel without options serializes as it did before kinds had options.
    /// </summary>
    [JsonPropertyName(nameof(Options))]
    [JsonInclude]
    internal TunnelOptions? SerializedOptions
    {
        get => Options.IsEmpty ? null : Options;
        init => Options = value ?? TunnelOptions.None;
    }

    /// <summary>A tunnel with a remote end; the kernel cannot turn one into a tunl0-style tunnel (or back) in place.</summary>
    [JsonIgnore]
    public bool IsPointToPoint => Remote is not null;

    /// <summary>No endpoints, no underlay: the parameter set of the fallback device (tunl0).</summary>
    [JsonIgnore]
    public bool HasNoParameters => Local is null && Remote is null && Underlay is null && UnderlayIndex == 0 && !CollectMetadata && Ttl == 0 && Tos == 0 && PathMtuDiscovery && FirewallMark == 0 && Options.IsEmpty;

    /// <summary>The settings <see cref="Differences"/> compares, and how a change of each reads.</summary>
    private static readonly ComparedProperty<TunnelConfig>[] ComparedSettings =
    [
        new("mode", t => t.Mode),
        new("local", t => t.Local) { Unset = "any" },
        new("remote", t => t.Remote) { Unset = "any" },
        new("ttl", t => t.Ttl == 0 ? "inherit" : t.Ttl.ToString(CultureInfo.InvariantCulture)),
        new("tos", t => t.Tos),
        new("pmtudisc", t => t.PathMtuDiscovery) { Describe = (_, want) => want is true ? "nopmtudisc → pmtudisc" : "pmtudisc → nopmtudisc" },

        // By name; only between two tunnels whose underlays have no name here do the indexes tell.
        new("dev", t => t.UnderlayText),
        new("external", t => t.CollectMetadata) { Describe = (_, want) => want is true ? "external (collect_metadata) on" : "external (collect_metadata) off" },
        new("fwmark", t => t.FirewallMark),
    ];

    /// <summary>What differs from <paramref name="other"/>, as "ttl 64 → 10" phrases: the compared settings, then the kind's own.</summary>
    public IEnumerable<string> Differences(TunnelConfig other) =>
        PropertyDifferences.Between(this, other, ComparedSettings).Concat(Options.Differences(other.Options));

    /// <summary>The kernel-facing parameters of a new tunnel of the kind, bound to the underlay of index <paramref name="underlayIndex"/>.</summary>
    public Ipv4TunnelParameters ToParameters(int underlayIndex = 0) => ApplyTo(Kind.TunnelDefaults, underlayIndex);

    /// <summary>
    /// <paramref name="current"/> with everything this configuration states; what a topology
    /// does not model (inner protocol, encapsulation, a gre tunnel's checksums) is kept.
    /// </summary>
    public Ipv4TunnelParameters ApplyTo(Ipv4TunnelParameters current, int underlayIndex) => Options.ApplyTo(Kind, current with
    {
        Local = Local is null ? null : IPAddress.Parse(Local),
        Remote = Remote is null ? null : IPAddress.Parse(Remote),
        Ttl = Ttl,
        Tos = Tos,
        PathMtuDiscovery = PathMtuDiscovery,
        CollectMetadata = CollectMetadata,
        FirewallMark = FirewallMark,
        UnderlayIndex = underlayIndex,
    });

    /// <summary>The configuration of a tunnel the kernel reports, its underlay named by <paramref name="nameOf"/>.</summary>
    internal static TunnelConfig Of(Ipv4TunnelParameters p, Func<int, string?> nameOf) => new()
    {
        Mode = p.Kind,
        Local = p.Local?.ToString(),
        Remote = p.Remote?.ToString(),
        Ttl = p.Ttl,
        Tos = p.Tos,
        PathMtuDiscovery = p.PathMtuDiscovery,
        Underlay = p.UnderlayIndex == 0 ? null : nameOf(p.UnderlayIndex),
        UnderlayIndex = p.UnderlayIndex,
        CollectMetadata = p.CollectMetadata,
        FirewallMark = p.FirewallMark,
        Options = TunnelOptions.Of(TopologyKinds.Tunnel(p.Kind), p),
    };

    [JsonIgnore]
    internal ITunnelKind Kind => TopologyKinds.Tunnel(Mode);

    /// <summary>The underlay as a plan names it: by name; by index only when it has no name here (it is in another namespace).</summary>
    [JsonIgnore]
    private string UnderlayText => Underlay ?? (UnderlayIndex == 0 ? "none" : $"(index {UnderlayIndex}, in another namespace)");
}
