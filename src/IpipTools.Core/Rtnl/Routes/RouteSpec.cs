using System.Net;

namespace IpipTools.Core.Rtnl.Routes;

/// <summary>
/// A route to add, replace or delete: <c>ip route add DEST [via GW] [dev DEV] [onlink]
/// [table T] [metric M] [proto P] [scope S] [src A] [mtu N]</c>.
/// </summary>
public sealed record RouteSpec(IPNetwork Destination)
{
    public IPAddress? Gateway { get; init; }

    /// <summary>Output device by name; resolved once per batch.</summary>
    public string? Device { get; init; }

    /// <summary>Use the gateway on <see cref="Device"/> even though no prefix there covers it (how routes via tunl0 work).</summary>
    public bool OnLink { get; init; }

    /// <summary>Null lets the usual rule decide: universe with a gateway, link without.</summary>
    public RouteScope? Scope { get; init; }

    public RouteTable Table { get; init; } = RouteTable.Main;

    public uint? Metric { get; init; }

    public RouteProtocol Protocol { get; init; } = RouteProtocol.Boot;

    public RouteType Type { get; init; } = RouteType.Unicast;

    public IPAddress? PreferredSource { get; init; }

    /// <summary>Per-route MTU (RTAX_MTU), as a Calico-style mesh sets it.</summary>
    public int? Mtu { get; init; }

    /// <summary>The scope that will be sent: given, or iproute2's rule.</summary>
    public RouteScope EffectiveScope => Scope ?? (Gateway is not null ? RouteScope.Global
        : Type is RouteType.Local or RouteType.Nat ? RouteScope.Host
        : Type is RouteType.Unicast ? RouteScope.Link
        : RouteScope.Global);

    /// <summary>
    /// Like <c>ip route</c> would write the command. A removal's wildcards (protocol 0 and
    /// scope "nowhere": match any) are left out, as <c>ip route del</c> leaves them unsaid.
    /// </summary>
    public override string ToString() => RouteText.Format(Destination, Gateway, Device, OnLink, Table, Metric,
        Protocol == RouteProtocol.Unspecified ? RouteProtocol.Boot : Protocol,
        Scope == RouteScope.Nowhere ? null : Scope, PreferredSource, Mtu);
}
