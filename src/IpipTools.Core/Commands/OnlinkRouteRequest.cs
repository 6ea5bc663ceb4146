using System.Net;
using IpipTools.Core.Errors;
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

    /// <summary>The route to add; refuses a table the topology reader refuses too (see <see cref="ManageableRouteTables"/>).</summary>
    public RouteSpec ToSpec() => new(Destination)
    {
        Gateway = Gateway,
        Device = Device,
        OnLink = !CheckGateway && Gateway is not null,
        Metric = Metric,
        Table = CheckedTable(),
        Mtu = Mtu,
        Protocol = Ownership.Protocol,
    };

    private RouteTable CheckedTable()
    {
        var table = (RouteTable?)Table ?? RouteTable.Main;
        return ManageableRouteTables.WhyNot(table) is string reason
            ? throw new IpipToolsException($"Cannot add the route to {Destination} to table {(uint)table}: {reason}.", "UnmanageableRouteTable",
                IpipErrorCategory.InvalidArgument, "Leave -Table out for the main table (254), or give another table number, from 1 to 4294967295 except 255.", (uint)table)
            : table;
    }
}
