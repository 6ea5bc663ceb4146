namespace IpipTools.Core.Netlink;

/// <summary>NLMSG_ALIGN / NLA_ALIGN: netlink pads messages and attributes to 4 bytes.</summary>
public static class NetlinkAlignment
{
    public const int Boundary = 4;

    public static int Align(int length) => (length + Boundary - 1) & ~(Boundary - 1);
}
