namespace IpipTools.Core.Rtnl.Routes;

/// <summary>
/// rtm_protocol (RTPROT_* in linux/rtnetlink.h): who installed a route. IpipTools tags
/// what it owns with its own value, so that desired-state pruning can tell its routes
/// from everyone else's. An enum so that PowerShell shows and filters by name
/// (<c>Where-Object Protocol -eq 'boot'</c>) while the number stays the value
/// (<c>-eq 3</c> matches too; a value with no name here shows as its number).
/// </summary>
public enum RouteProtocol : byte
{
    Unspecified = 0,

    /// <summary>Installed by an ICMP redirect.</summary>
    Redirect = 1,

    /// <summary>Installed by the kernel itself (connected and local routes).</summary>
    Kernel = 2,

    /// <summary>What iproute2 uses when none is given.</summary>
    Boot = 3,

    /// <summary>Installed by an administrator; the first value the kernel does not interpret.</summary>
    Static = 4,
    Gated = 8,
    Ra = 9,
    Mrt = 10,
    Zebra = 11,
    Bird = 12,
    DnRouted = 13,
    Xorp = 14,
    Ntk = 15,
    Dhcp = 16,
    Mrouted = 17,
    Keepalived = 18,
    Babel = 42,

    /// <summary>
    /// IpipTools' own tag. 73 is not in iproute2's rt_protos list nor used by a
    /// known routing daemon; <c>ip route</c> shows it as "proto 73".
    /// </summary>
    IpipTools = 73,
    OpenR = 99,
    Bgp = 186,
    Isis = 187,
    Ospf = 188,
    Rip = 189,
    Eigrp = 192,
}

/// <summary>Prints protocols the way iproute2 names them ("kernel", "boot", "static"; a number otherwise).</summary>
public static class RouteProtocolFormat
{
    /// <remarks>
    /// iproute2 knows no name for 73, so this prints "proto 73" as <c>ip route</c> does: texts
    /// in ip's words (ToString, -WhatIf, error messages) can be pasted into ip. Tables show the
    /// enum's name, IpipTools, instead.
    /// </remarks>
    public static string ToIpString(this RouteProtocol protocol) => protocol switch
    {
        RouteProtocol.Unspecified => "unspec",
        RouteProtocol.IpipTools => "73",
        _ when Enum.IsDefined(protocol) => protocol.ToString().ToLowerInvariant(),
        _ => ((byte)protocol).ToString(),
    };
}
