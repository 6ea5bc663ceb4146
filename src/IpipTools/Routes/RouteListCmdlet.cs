using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Infrastructure;

namespace IpipTools.Routes;

/// <summary>
/// What Get-IpRoute and Get-OnlinkRoute share: <c>ip route show [dev D] [table T]</c> and
/// <c>ip -6 route show ...</c>, one dump per family on the pipeline's connection, what the
/// kernel can filter filtered there (<see cref="Query"/>), the rest here
/// (<see cref="Keeps"/>).
/// </summary>
public abstract class RouteListCmdlet : PipedNamespaceCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "TunnelName", "InterfaceAlias")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string? InterfaceName { get; set; }

    [Parameter]
    [Alias("DestinationPrefix")]
    [StrictPrefix]
    public IPNetwork? Destination { get; set; }

    /// <summary>
    /// A table number, or main, local, default by name; main when left out. "all", or 0 as
    /// <c>ip route show table 0</c> takes it, lists every table.
    /// </summary>
    [Parameter]
    [RouteTableName(AllowsAll = true)]
    [ArgumentCompleter(typeof(ListedRouteTableCompleter))]
    public uint? Table { get; set; }

    /// <summary>The dump request of one family; a derived cmdlet may add what the kernel filters.</summary>
    protected virtual RouteQuery Query(byte family) =>
        new() { Family = family, Table = TableQueried(Table), Device = InterfaceName };

    /// <summary>The table a listing asks for: main when none is given, every table (null) for 0 or "all".</summary>
    internal static RouteTable? TableQueried(uint? table) => table switch
    {
        null => RouteTable.Main,
        (uint)RouteTable.Unspecified => null,
        uint number => (RouteTable)number,
    };

    /// <summary>Whether a listed route is written; by default those to -Destination, when given.</summary>
    protected virtual bool Keeps(Route route) => Destination is null || route.Destination.Equals(Destination.Value);

    protected sealed override void ProcessItem()
    {
        var routes = Client(Target).Routes;
        foreach (var family in Families())
        {
            WriteEach(routes.List(Query(family)).Where(Keeps).ToList());
        }
    }

    /// <summary>The families to list: -Destination's alone when given, else IPv4 and IPv6.</summary>
    private IEnumerable<byte> Families() => Destination is IPNetwork destination
        ? new[] { AddressFamilies.Of(destination.BaseAddress) }
        : new[] { AddressFamilies.Inet, AddressFamilies.Inet6 };
}
