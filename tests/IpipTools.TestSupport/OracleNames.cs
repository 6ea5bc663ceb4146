using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.TestSupport;

/// <summary>
/// iproute2's names for numeric kernel values (lib/rt_names.c, ip/iproute.c),
/// turned back into numbers. Kept apart from the product's own formatting on
/// purpose: the oracle side must not share code with what it checks.
/// </summary>
public static class OracleNames
{
    private static readonly Dictionary<string, RouteScope> Scopes = new()
    {
        ["global"] = RouteScope.Global, ["site"] = RouteScope.Site, ["link"] = RouteScope.Link,
        ["host"] = RouteScope.Host, ["nowhere"] = RouteScope.Nowhere,
    };

    private static readonly Dictionary<string, byte> Protocols = new()
    {
        ["unspec"] = 0, ["redirect"] = 1, ["kernel"] = 2, ["boot"] = 3, ["static"] = 4, ["gated"] = 8, ["ra"] = 9,
        ["mrt"] = 10, ["zebra"] = 11, ["bird"] = 12, ["dnrouted"] = 13, ["xorp"] = 14, ["ntk"] = 15, ["dhcp"] = 16,
        ["keepalived"] = 18, ["babel"] = 42, ["openr"] = 99, ["bgp"] = 186, ["isis"] = 187, ["ospf"] = 188,
        ["rip"] = 189, ["eigrp"] = 192,
    };

    private static readonly Dictionary<string, uint> Tables = new()
    {
        ["unspec"] = 0, ["default"] = 253, ["main"] = 254, ["local"] = 255,
    };

    private static readonly Dictionary<string, RouteFlags> RouteFlagBits = new()
    {
        ["dead"] = (RouteFlags)0x1, ["pervasive"] = (RouteFlags)0x2, ["onlink"] = (RouteFlags)0x4,
        ["offload"] = (RouteFlags)0x8, ["linkdown"] = (RouteFlags)0x10, ["unresolved"] = (RouteFlags)0x20,
        ["trap"] = (RouteFlags)0x40, ["notify"] = (RouteFlags)0x100, ["rt_offload"] = (RouteFlags)0x2000,
        ["rt_trap"] = (RouteFlags)0x4000, ["rt_offload_failed"] = (RouteFlags)0x20000000,
    };

    public static RouteScope Scope(string name) =>
        Scopes.TryGetValue(name, out var scope) ? scope : (RouteScope)byte.Parse(name);

    public static byte Protocol(string name) =>
        Protocols.TryGetValue(name, out var protocol) ? protocol : byte.Parse(name);

    public static uint Table(string name) =>
        Tables.TryGetValue(name, out var table) ? table : uint.Parse(name);

    public static RouteFlags RouteFlag(string name) =>
        RouteFlagBits.TryGetValue(name, out var flag) ? flag : throw new InvalidOperationException($"unmapped route flag '{name}'");
}
