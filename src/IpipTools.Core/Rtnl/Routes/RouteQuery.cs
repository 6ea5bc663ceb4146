namespace IpipTools.Core.Rtnl.Routes;

/// <summary>Which routes a listing returns. Filters the kernel can apply are sent with the dump.</summary>
public sealed record RouteQuery
{
    public static readonly RouteQuery MainTable = new();

    /// <summary>Null for every table; by default the main table, as <c>ip route</c> shows.</summary>
    public RouteTable? Table { get; init; } = RouteTable.Main;

    public RouteProtocol? Protocol { get; init; }

    public string? Device { get; init; }

    /// <summary>Leave out routes the kernel adds by itself (connected, local, broadcast).</summary>
    public bool ExcludeKernelRoutes { get; init; }

    /// <summary>AF_INET by default; AF_INET6 for IPv6 routes.</summary>
    public byte Family { get; init; } = AddressFamilies.Inet;
}
