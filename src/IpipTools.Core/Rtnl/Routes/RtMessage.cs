using System.Runtime.InteropServices;

namespace IpipTools.Core.Rtnl.Routes;

/// <summary><c>struct rtmsg</c> (linux/rtnetlink.h), 12 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct RtMessage
{
    public byte Family;
    public byte DestinationLength;
    public byte SourceLength;
    public byte Tos;
    /// <summary>The table when it fits a byte; RTA_TABLE carries the full 32-bit id.</summary>
    public byte Table;
    public RouteProtocol Protocol;
    public RouteScope Scope;
    public RouteType Type;
    public RouteFlags Flags;
}

/// <summary>rtm_flags bits IpipTools uses (RTNH_F_* in the low byte, RTM_F_* above).</summary>
[Flags]
public enum RouteFlags : uint
{
    None = 0,
    Dead = 0x1,
    Pervasive = 0x2,

    /// <summary>RTNH_F_ONLINK: the gateway is on the device's link even though no prefix there covers it.</summary>
    OnLink = 0x4,
    Offload = 0x8,
    LinkDown = 0x10,
    Unresolved = 0x20,
    Cloned = 0x200,
}

/// <summary>rtm_type (RTN_*).</summary>
public enum RouteType : byte
{
    Unspecified = 0,
    Unicast = 1,
    Local = 2,
    Broadcast = 3,
    Anycast = 4,
    Multicast = 5,
    Blackhole = 6,
    Unreachable = 7,
    Prohibit = 8,
    Throw = 9,
    Nat = 10,
}

/// <summary>RTA_* attribute types (linux/rtnetlink.h) and RTAX_* metrics.</summary>
public static class RouteAttribute
{
    public const ushort Destination = 1;
    public const ushort Source = 2;
    public const ushort InputInterface = 3;
    public const ushort OutputInterface = 4;
    public const ushort Gateway = 5;
    public const ushort Priority = 6;
    public const ushort PreferredSource = 7;
    public const ushort Metrics = 8;
    public const ushort Multipath = 9;
    public const ushort CacheInfo = 12;
    public const ushort Table = 15;
    public const ushort Mark = 16;
    public const ushort Preference = 20;

    /// <summary>RTAX_MTU inside RTA_METRICS.</summary>
    public const ushort MetricMtu = 2;
}

/// <summary>
/// Routing table ids (RT_TABLE_* in linux/rtnetlink.h). Any number up to 2^32-1 is a
/// table; the named ones are those iproute2 names ("main", "local", "default"). An enum
/// so that PowerShell shows and filters by name (<c>Where-Object Table -eq 'main'</c>),
/// while any other table shows as its number and <c>-eq 100</c> still matches it.
/// </summary>
public enum RouteTable : uint
{
    Unspecified = 0,
    Default = 253,
    Main = 254,
    Local = 255,
}

/// <summary>Prints tables the way iproute2 names them ("main", "local", "default"; a number otherwise).</summary>
public static class RouteTableFormat
{
    public static string ToIpString(this RouteTable table) => table switch
    {
        RouteTable.Unspecified => "unspec",
        _ when Enum.IsDefined(table) => table.ToString().ToLowerInvariant(),
        _ => ((uint)table).ToString(),
    };
}
