namespace IpipTools.Core.Rtnl.Routes;

/// <summary>
/// rtm_protocol: who installed a route. IpipTools tags what it owns with its own
/// value, so that desired-state pruning can tell its routes from everyone else's.
/// </summary>
public static class RouteProtocol
{
    public const byte Unspecified = 0;
    public const byte Redirect = 1;
    public const byte Kernel = 2;

    /// <summary>What iproute2 uses when none is given.</summary>
    public const byte Boot = 3;
    public const byte Static = 4;

    /// <summary>
    /// IpipTools' own tag. 73 is not in iproute2's rt_protos list nor used by a
    /// known routing daemon; `ip route` shows it as "proto 73".
    /// </summary>
    public const byte IpipTools = 73;

    public static string Name(byte protocol) => protocol switch
    {
        Redirect => "redirect",
        Kernel => "kernel",
        Boot => "boot",
        Static => "static",
        8 => "gated",
        11 => "zebra",
        12 => "bird",
        16 => "dhcp",
        42 => "babel",
        186 => "bgp",
        _ => protocol.ToString(),
    };
}
