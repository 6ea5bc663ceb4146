using System.Net;
using IpipTools.Core.DesiredState;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.Commands;

/// <summary>
/// <c>ip route add DEST [via GW] dev DEV onlink [metric M] [table T] [mtu N]</c> as
/// Add-OnlinkRoute's parameters give it. Onlink is the point of the cmdlet (routes via
/// tunl0 to a next hop no prefix on the device covers); <see cref="CheckGateway"/>
/// leaves the flag off for an ordinary route whose gateway the kernel checks. The route
/// carries IpipTools' mark (<see cref="Ownership.Protocol"/>), like everything IpipTools creates.
/// </summary>
public sealed record OnlinkRouteRequest(IPNetwork Destination, string Device)
{
    public IPAddress? Gateway { get; init; }

    public bool CheckGateway { get; init; }

    public uint? Metric { get; init; }

    public uint? Table { get; init; }

    public int? Mtu { get; init; }

    /// <summary>Replace a route with the same destination instead of failing (ip route replace).</summary>
    public bool Replace { get; init; }

    public RouteSpec ToSpec() => new(Destination)
    {
        Gateway = Gateway,
        Device = Device,
        OnLink = !CheckGateway && Gateway is not null,
        Metric = Metric,
        Table = (RouteTable?)Table ?? RouteTable.Main,
        Mtu = Mtu,
        Protocol = Ownership.Protocol,
    };
}
