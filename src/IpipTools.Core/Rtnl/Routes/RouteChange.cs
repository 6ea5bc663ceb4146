namespace IpipTools.Core.Rtnl.Routes;

/// <summary>What a <see cref="RouteBatch"/> does with each of its routes.</summary>
public enum RouteChange
{
    /// <summary><c>ip route add</c>: fails where the route exists.</summary>
    Add,

    /// <summary><c>ip route replace</c>: adds, or replaces the route with the same key.</summary>
    Replace,

    /// <summary><c>ip route del</c>.</summary>
    Delete,
}
