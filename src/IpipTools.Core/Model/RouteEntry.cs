using System.Net;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.Model;

/// <summary>A route as the kernel reports it.</summary>
public sealed record RouteEntry
{
    public required IPNetwork Destination { get; init; }

    public IPAddress? Gateway { get; init; }

    /// <summary>Output device name (resolved from its index at read time).</summary>
    public string? Device { get; init; }

    public int DeviceIndex { get; init; }

    public bool OnLink { get; init; }

    /// <summary>Every rtm_flags bit the kernel reported (onlink, linkdown, dead, ...), as <c>ip route</c> lists them.</summary>
    public RouteFlags Flags { get; init; }

    public RouteScope Scope { get; init; }

    public RouteTable Table { get; init; }

    public uint Metric { get; init; }

    public RouteProtocol Protocol { get; init; }

    public RouteType Type { get; init; }

    public IPAddress? PreferredSource { get; init; }

    public int? Mtu { get; init; }

    public string? Namespace { get; init; }

    /// <summary>True when IpipTools' own protocol tag marks the route as ours.</summary>
    public bool IsOwnedByIpipTools => Protocol == RouteProtocol.IpipTools;

    /// <summary>The spec that would create (or delete) exactly this route.</summary>
    public RouteSpec ToSpec() => new(Destination)
    {
        Gateway = Gateway,
        Device = Device,
        OnLink = OnLink,
        Scope = Scope,
        Table = Table,
        Metric = Metric == 0 ? null : Metric,
        Protocol = Protocol,
        Type = Type,
        PreferredSource = PreferredSource,
        Mtu = Mtu,
    };

    /// <summary>Like <c>ip route</c>: "10.42.2.0/24 via 172.16.165.244 dev tunl0 proto 73 onlink".</summary>
    public override string ToString() =>
        (Type is RouteType.Unicast ? string.Empty : Type.ToString().ToLowerInvariant() + " ")
        + RouteText.Format(Destination, Gateway, Device, OnLink, Table, Metric, Protocol, Scope, PreferredSource, Mtu);
}
