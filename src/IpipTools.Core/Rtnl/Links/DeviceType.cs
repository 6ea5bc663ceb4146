namespace IpipTools.Core.Rtnl.Links;

/// <summary>
/// The link-layer type of a device (ifi_type, ARPHRD_* in linux/if_arp.h), named as
/// <c>ip link</c> names it after "link/" (ether, loopback, ipip, sit, gre, none, ...).
/// A type not listed here is shown as its number.
/// </summary>
public enum DeviceType : ushort
{
    /// <summary>ARPHRD_NETROM; also what a link to create carries, the kernel choosing.</summary>
    Netrom = 0,
    Ether = 1,
    Eether = 2,
    Ax25 = 3,
    Ieee802 = 6,
    Infiniband = 32,
    Slip = 256,
    Ppp = 512,
    Hdlc = 513,
    RawIp = 519,

    /// <summary>ARPHRD_TUNNEL: an ipip tunnel.</summary>
    Ipip = 768,

    /// <summary>ARPHRD_TUNNEL6: an ip6tnl tunnel (IPv4 or IPv6 in IPv6).</summary>
    Tunnel6 = 769,
    Loopback = 772,

    /// <summary>ARPHRD_SIT: IPv6 in IPv4.</summary>
    Sit = 776,

    /// <summary>ARPHRD_IPGRE: a gre tunnel.</summary>
    Gre = 778,
    PimReg = 779,
    Ieee80211 = 801,
    Ieee80211Radiotap = 803,

    /// <summary>ARPHRD_IP6GRE: GRE over IPv6.</summary>
    Gre6 = 823,
    Netlink = 824,
    SixLowpan = 825,
    VsockMon = 826,

    /// <summary>ARPHRD_NONE: no link-layer header (wireguard, tun, vti, ...).</summary>
    None = 0xFFFE,

    /// <summary>ARPHRD_VOID: nothing is known.</summary>
    Void = 0xFFFF,
}
