namespace IpipTools.Core.Xfrm;

/// <summary>
/// The upper-layer protocol a selector matches (xfrm_selector.proto, an IP protocol number).
/// The usual ones have names; any other number is still a valid value and shows as itself.
/// </summary>
public enum XfrmUpperProtocol : byte
{
    /// <summary>Any protocol (0).</summary>
    Any = 0,
    Icmp = 1,
    Tcp = 6,
    Udp = 17,
    Gre = 47,
    Esp = 50,
    Ah = 51,
    IcmpV6 = 58,
    Sctp = 132,
}
