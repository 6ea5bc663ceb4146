using System.Text.Json.Serialization;
using System.Net;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// An IPv4 route as a topology wants it or as it was read. The kernel identifies a route
/// by table, destination, TOS and metric (<see cref="Key"/>); everything else is what a
/// replace changes. Desired routes get <see cref="Ownership.Protocol"/>.
/// </summary>
public sealed record RouteConfig
{
    /// <summary>"10.42.2.0/24"; "0.0.0.0/0" for the default route.</summary>
    public required string Destination { get; init; }

    public string? Gateway { get; init; }

    public string? Device { get; init; }

    public bool OnLink { get; init; }

    public RouteTable Table { get; init; } = RouteTable.Main;

    public uint Metric { get; init; }

    public RouteProtocol Protocol { get; init; } = Ownership.Protocol;

    /// <summary>Per-route MTU (RTAX_MTU); null for none.</summary>
    public int? Mtu { get; init; }

    /// <summary>Preferred source address; null for none.</summary>
    public string? Source { get; init; }

    public RouteScope Scope { get; init; }

    public RouteType Type { get; init; } = RouteType.Unicast;

    [JsonIgnore]
    public (RouteTable Table, string Destination, uint Metric) Key => (Table, Destination, Metric);

    [JsonIgnore]
    public bool IsOwned => Protocol == Ownership.Protocol;

    /// <summary>
    /// Whether the read route <paramref name="actual"/> (with the same key) already is this desired
    /// route. A desired route without a device leaves the device to the kernel, which picks
    /// the one its gateway is reached through, so any device satisfies it.
    /// </summary>
    public bool IsSatisfiedBy(RouteConfig actual) => !Differences(actual).Any();

    /// <summary>What differs between this desired route and the read route <paramref name="other"/>, as "via 1.2.3.4 → 5.6.7.8" phrases.</summary>
    public IEnumerable<string> Differences(RouteConfig other)
    {
        if (Gateway != other.Gateway)
        {
            yield return $"via {other.Gateway ?? "none"} → {Gateway ?? "none"}";
        }

        if (Device is not null && Device != other.Device)
        {
            yield return $"dev {other.Device ?? "none"} → {Device ?? "none"}";
        }

        if (OnLink != other.OnLink)
        {
            yield return OnLink ? "onlink added" : "onlink removed";
        }

        if (Mtu != other.Mtu)
        {
            yield return $"mtu {other.Mtu?.ToString() ?? "none"} → {Mtu?.ToString() ?? "none"}";
        }

        if (Source != other.Source)
        {
            yield return $"src {other.Source ?? "none"} → {Source ?? "none"}";
        }

        if (Protocol != other.Protocol)
        {
            yield return $"proto {other.Protocol.ToIpString()} → {Protocol.ToIpString()}";
        }

        if (Scope != other.Scope)
        {
            yield return $"scope {other.Scope.ToIpString()} → {Scope.ToIpString()}";
        }

        if (Type != other.Type)
        {
            yield return $"type {other.Type} → {Type}";
        }
    }

    public RouteSpec ToSpec() => new(IPNetwork.Parse(Destination))
    {
        Gateway = Gateway is null ? null : IPAddress.Parse(Gateway),
        Device = Device,
        OnLink = OnLink,
        Table = Table,
        Metric = Metric == 0 ? null : Metric,
        Protocol = Protocol,
        Mtu = Mtu,
        PreferredSource = Source is null ? null : IPAddress.Parse(Source),
        Scope = Scope,
        Type = Type,
    };

    public override string ToString() =>
        RouteText.Format(IPNetwork.Parse(Destination), Gateway is null ? null : IPAddress.Parse(Gateway), Device, OnLink, Table,
            Metric, Protocol, Scope, Source is null ? null : IPAddress.Parse(Source), Mtu);
}
