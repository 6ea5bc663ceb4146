namespace IpipTools.Core.Rtnl.Links;

/// <summary>Device flags (IFF_*, linux/if.h), as <c>ip link</c> prints them between angle brackets.</summary>
[Flags]
public enum LinkFlags : uint
{
    None = 0,
    Up = 0x1,
    Broadcast = 0x2,
    Debug = 0x4,
    Loopback = 0x8,
    PointToPoint = 0x10,
    NoTrailers = 0x20,
    Running = 0x40,
    NoArp = 0x80,
    Promiscuous = 0x100,
    AllMulticast = 0x200,
    Master = 0x400,
    Slave = 0x800,
    Multicast = 0x1000,
    PortSelect = 0x2000,
    AutoMedia = 0x4000,
    Dynamic = 0x8000,
    LowerUp = 0x10000,
    Dormant = 0x20000,
    Echo = 0x40000,
}

/// <summary>Formats flags the way iproute2 does: <c>POINTOPOINT,NOARP,UP,LOWER_UP</c>.</summary>
public static class LinkFlagsFormat
{
    private static readonly (LinkFlags Flag, string Name)[] Order =
    {
        (LinkFlags.Loopback, "LOOPBACK"), (LinkFlags.Broadcast, "BROADCAST"), (LinkFlags.PointToPoint, "POINTOPOINT"),
        (LinkFlags.Multicast, "MULTICAST"), (LinkFlags.NoArp, "NOARP"), (LinkFlags.AllMulticast, "ALLMULTI"),
        (LinkFlags.Promiscuous, "PROMISC"), (LinkFlags.NoTrailers, "NOTRAILERS"), (LinkFlags.Up, "UP"),
        (LinkFlags.LowerUp, "LOWER_UP"), (LinkFlags.Dormant, "DORMANT"), (LinkFlags.Master, "MASTER"),
        (LinkFlags.Slave, "SLAVE"), (LinkFlags.Debug, "DEBUG"), (LinkFlags.Dynamic, "DYNAMIC"),
        (LinkFlags.AutoMedia, "AUTOMEDIA"), (LinkFlags.PortSelect, "PORTSEL"), (LinkFlags.Echo, "ECHO"),
    };

    public static string ToIpString(this LinkFlags flags) =>
        string.Join(",", Order.Where(entry => flags.HasFlag(entry.Flag)).Select(entry => entry.Name));
}
