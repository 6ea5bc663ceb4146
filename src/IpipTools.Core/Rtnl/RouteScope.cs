namespace IpipTools.Core.Rtnl;

/// <summary>
/// rtm_scope / ifa_scope values (enum rt_scope_t), named as iproute2 shows them, so that
/// PowerShell filters by the same words (<c>Where-Object Scope -eq 'global'</c>).
/// </summary>
public enum RouteScope : byte
{
    /// <summary>RT_SCOPE_UNIVERSE, which iproute2 calls "global".</summary>
    Global = 0,
    Site = 200,
    Link = 253,
    Host = 254,
    Nowhere = 255,
}

/// <summary>Prints scopes the way iproute2 does ("global", "link", "host").</summary>
public static class RouteScopeFormat
{
    public static string ToIpString(this RouteScope scope) => scope switch
    {
        RouteScope.Global => "global",
        RouteScope.Site => "site",
        RouteScope.Link => "link",
        RouteScope.Host => "host",
        RouteScope.Nowhere => "nowhere",
        _ => ((byte)scope).ToString(),
    };
}
