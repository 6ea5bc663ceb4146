namespace IpipTools.Core.Rtnl.Routes;

/// <summary>
/// Which routing tables IpipTools writes routes into: any but the two the kernel gives a
/// meaning of its own. Add-OnlinkRoute and the topology reader ask the same question here,
/// so a route one of them refuses is refused by the other too.
/// </summary>
public static class ManageableRouteTables
{
    /// <summary>Why routes cannot be written into <paramref name="table"/>, or null when they can.</summary>
    public static string? WhyNot(RouteTable table) => table switch
    {
        // fib_new_table and fib_get_table read table 0 as main: the route would land there unseen.
        RouteTable.Unspecified => "table 0 (unspec) is not a table: the kernel files a route given it in the main table (254)",
        RouteTable.Local => "table 255 is the local table: it holds the kernel's own routes (local addresses and broadcasts) and cannot be managed",
        _ => null,
    };
}
