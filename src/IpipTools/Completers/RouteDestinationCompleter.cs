using System.Collections;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Routes;

namespace IpipTools.Completers;

/// <summary>
/// Completes -Destination of a removal with the destinations of the routes there are: IPv4
/// and IPv6, of the table and interface already on the line (main, any interface, when not).
/// Only for Remove- cmdlets: an add names a route that is not there yet.
/// </summary>
public sealed class RouteDestinationCompleter : NamespaceObjectCompleter
{
    protected override bool Serves(string commandName) => commandName.StartsWith("Remove-", StringComparison.OrdinalIgnoreCase);

    protected override IEnumerable<string> Offered(RtnetlinkClient client, IDictionary bound)
    {
        var table = Argument(bound, "Table") is { } text ? RouteTableNameAttribute.Read(text, allowsAll: false) : (uint)RouteTable.Main;
        if (table is null)
        {
            return Array.Empty<string>();
        }

        var device = Argument(bound, "InterfaceName") ?? Argument(bound, "Device") ?? Argument(bound, "Name");
        return new[] { AddressFamilies.Inet, AddressFamilies.Inet6 }
            .SelectMany(family => client.Routes.List(new RouteQuery { Family = family, Table = (RouteTable)table.Value, Device = device }))
            .Select(r => r.Destination.ToString());
    }
}
