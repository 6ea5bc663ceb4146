using System.Net;
using System.Text.Json.Serialization;

namespace IpipTools.Core.Rtnl.Routes;

/// <summary>
/// A route, whatever it is used for: to add, replace or delete
/// (<c>ip route add DEST [via GW] [dev DEV] [onlink] [table T] [metric M] [proto P] [scope S] [src A] [mtu N]</c>),
/// as the kernel reported it (<see cref="RouteReader"/> fills <see cref="DeviceIndex"/>,
/// <see cref="Flags"/> and <see cref="Namespace"/> too), and as a topology wants it. The
/// kernel identifies a route by table, destination, TOS and metric (<see cref="Key"/>);
/// everything else is what a replace changes. Properties are declared in the order saved
/// plans have always listed them.
/// </summary>
public sealed record Route(IPNetwork Destination)
{
    public IPAddress? Gateway { get; init; }

    /// <summary>Output device by name; resolved to an index once per request or batch.</summary>
    public string? Device { get; init; }

    /// <summary>The output device's index, as read (0 when none was read).</summary>
    [JsonIgnore]
    public int DeviceIndex { get; init; }

    /// <summary>Use the gateway on <see cref="Device"/> even though no prefix there covers it (how routes via tunl0 work).</summary>
    public bool OnLink { get; init; }

    /// <summary>Every rtm_flags bit the kernel reported (onlink, linkdown, dead, ...), as <c>ip route</c> lists them.</summary>
    [JsonIgnore]
    public RouteFlags Flags { get; init; }

    public RouteTable Table { get; init; } = RouteTable.Main;

    /// <summary>The route's priority; 0, the kernel's default, is not sent.</summary>
    public uint Metric { get; init; }

    public RouteProtocol Protocol { get; init; } = RouteProtocol.Boot;

    /// <summary>Per-route MTU (RTAX_MTU), as a Calico-style mesh sets it.</summary>
    public int? Mtu { get; init; }

    /// <summary>Preferred source address (<c>src</c>); "Source" in topologies and saved plans.</summary>
    [JsonPropertyName("Source")]
    public IPAddress? PreferredSource { get; init; }

    /// <summary>Null lets the usual rule decide (see <see cref="EffectiveScope"/>); a read route always has one.</summary>
    public RouteScope? Scope { get; init; }

    public RouteType Type { get; init; } = RouteType.Unicast;

    /// <summary>The namespace the route was read in (null: the caller's).</summary>
    [JsonIgnore]
    public string? Namespace { get; init; }

    /// <summary>The scope that is sent: given, or iproute2's rule.</summary>
    [JsonIgnore]
    public RouteScope EffectiveScope => Scope ?? (Gateway is not null ? RouteScope.Global
        : Type is RouteType.Local or RouteType.Nat ? RouteScope.Host
        : Type is RouteType.Unicast ? RouteScope.Link
        : RouteScope.Global);

    /// <summary>What the kernel tells routes apart by (TOS aside, which IpipTools never sets).</summary>
    [JsonIgnore]
    public (RouteTable Table, IPNetwork Destination, uint Metric) Key => (Table, Destination, Metric);

    /// <summary>True when IpipTools' own protocol tag marks the route as ours.</summary>
    [JsonIgnore]
    public bool IsOwnedByIpipTools => Protocol == RouteProtocol.IpipTools;

    /// <summary>
    /// What <c>ip route del</c> deletes given these: a gateway, device, metric or type narrows
    /// the match and everything else is a wildcard (protocol 0, scope "nowhere", metric 0 and
    /// type 0 tell the kernel to match any protocol, scope, metric and type, which is how a
    /// blackhole or unreachable route is deleted by its destination alone).
    /// </summary>
    public static Route Removal(IPNetwork destination, IPAddress? gateway, string? device, RouteTable table,
        uint metric = 0, RouteType type = RouteType.Unspecified) =>
        new(destination)
        {
            Gateway = gateway,
            Device = device,
            Table = table,
            Metric = metric,
            Protocol = RouteProtocol.Unspecified,
            Scope = RouteScope.Nowhere,
            Type = type,
        };

    /// <summary>
    /// Whether <paramref name="read"/>, among routes the kernel echoed or listed, is the one this
    /// request made. A request without a device left the device to the kernel: any matches.
    /// </summary>
    public bool IsMadeBy(Route read) =>
        read.Destination.Equals(Destination) && Equals(read.Gateway, Gateway) && read.Table == Table && (Device is null || read.Device == Device);

    /// <summary>
    /// What differs between this desired route and the read route <paramref name="actual"/>, as
    /// "via 1.2.3.4 → 5.6.7.8" phrases. A desired route without a device leaves the device to
    /// the kernel, which picks the one its gateway is reached through, so any device satisfies it.
    /// </summary>
    public IEnumerable<string> Differences(Route actual) => PropertyDifferences.Between(this, actual, Compared);

    /// <summary>Whether the read route <paramref name="actual"/> (with the same key) already is this desired route.</summary>
    public bool IsSatisfiedBy(Route actual) => !Differences(actual).Any();

    private static readonly ComparedProperty<Route>[] Compared =
    {
        new("via", r => r.Gateway),
        new("dev", r => r.Device) { UnsetMeansAny = true },
        new("onlink", r => r.OnLink),
        new("mtu", r => r.Mtu),
        new("src", r => r.PreferredSource),
        new("proto", r => r.Protocol, v => ((RouteProtocol)v).ToIpString()),
        new("scope", r => r.EffectiveScope, v => ((RouteScope)v).ToIpString()),
        new("type", r => r.Type),
    };

    /// <summary>
    /// Like <c>ip route</c> prints it: "10.42.2.0/24 via 172.16.165.244 dev tunl0 proto 73 onlink".
    /// A removal's wildcards (protocol 0, scope "nowhere", type 0: match any) are left out, as
    /// <c>ip route del</c> leaves them unsaid.
    /// </summary>
    public override string ToString() =>
        (Type is RouteType.Unicast or RouteType.Unspecified ? string.Empty : Type.ToString().ToLowerInvariant() + " ")
        + RouteText.Format(Destination, Gateway, Device, OnLink, Table, Metric,
            Protocol == RouteProtocol.Unspecified ? RouteProtocol.Boot : Protocol,
            Scope == RouteScope.Nowhere ? null : Scope, PreferredSource, Mtu);
}
