using System.Net;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Golden;

/// <summary>
/// An ipip link as the kernel reports it: IFLA_LINKINFO holding IFLA_INFO_DATA with
/// every IFLA_IPTUN_* ipip_fill_info (net/ipv4/ipip.c) emits, in its order: LINK,
/// LOCAL, REMOTE, TTL, TOS, PROTO, PMTUDISC, FWMARK, ENCAP_TYPE, ENCAP_SPORT,
/// ENCAP_DPORT, ENCAP_FLAGS, COLLECT_METADATA. Decoding it and encoding the decoded
/// parameters with IpipDriver.WriteInfoData must give the same IFLA_INFO_DATA bytes,
/// since a change request resends the whole set.
/// </summary>
public sealed class IpipLinkGoldenTests
{
    private static readonly byte[] IpipLink = Hex.Parse("""
        # struct nlmsghdr
        c4 00 00 00              # nlmsg_len = 196
        10 00                    # nlmsg_type = RTM_NEWLINK (16)
        02 00                    # nlmsg_flags = NLM_F_MULTI (one message of a dump)
        07 00 00 00              # nlmsg_seq = 7
        39 05 00 00              # nlmsg_pid = 1337
        # struct ifinfomsg
        00 00                    # ifi_family = AF_UNSPEC, __ifi_pad
        00 03                    # ifi_type = ARPHRD_TUNNEL (768)
        08 00 00 00              # ifi_index = 8
        d1 00 01 00              # ifi_flags = UP|POINTOPOINT|RUNNING|NOARP|LOWER_UP (0x100d1)
        00 00 00 00              # ifi_change = 0
        # IFLA_IFNAME (3) "tunl\0": nla_len 9, padded to 12
        09 00 03 00  74 75 6e 6c  00 00 00 00
        # IFLA_MTU (4) u32 1480: the underlay's 1500 minus the 20-byte outer header
        08 00 04 00  c8 05 00 00
        # IFLA_LINK (5) u32 2: the underlay device
        08 00 05 00  02 00 00 00
        # IFLA_ADDRESS (1): an ipip device's link-layer address is its local IPv4, 10.10.10.2
        08 00 01 00  0a 0a 0a 02
        # IFLA_BROADCAST (2): and its "broadcast" the remote, 10.10.20.2
        08 00 02 00  0a 0a 14 02
        # IFLA_LINKINFO (18), nla_len 120
        78 00 12 00
          # IFLA_INFO_KIND (1) "ipip\0": nla_len 9, padded to 12
          09 00 01 00  69 70 69 70  00 00 00 00
          # IFLA_INFO_DATA (2), nla_len 104
          68 00 02 00
            08 00 01 00  02 00 00 00     # IFLA_IPTUN_LINK (1) u32 2
            08 00 02 00  0a 0a 0a 02     # IFLA_IPTUN_LOCAL (2) 10.10.10.2
            08 00 03 00  0a 0a 14 02     # IFLA_IPTUN_REMOTE (3) 10.10.20.2
            05 00 04 00  40 00 00 00     # IFLA_IPTUN_TTL (4) u8 64, padded
            05 00 05 00  10 00 00 00     # IFLA_IPTUN_TOS (5) u8 0x10, padded
            05 00 09 00  04 00 00 00     # IFLA_IPTUN_PROTO (9) u8 IPPROTO_IPIP (4), padded
            05 00 0a 00  01 00 00 00     # IFLA_IPTUN_PMTUDISC (10) u8 1, padded
            08 00 14 00  2a 00 00 00     # IFLA_IPTUN_FWMARK (20) u32 42
            06 00 0f 00  02 00 00 00     # IFLA_IPTUN_ENCAP_TYPE (15) u16 TUNNEL_ENCAP_GUE (2), padded
            06 00 11 00  15 b3 00 00     # IFLA_IPTUN_ENCAP_SPORT (17) be16 5555, padded
            06 00 12 00  17 c0 00 00     # IFLA_IPTUN_ENCAP_DPORT (18) be16 6080, padded
            06 00 10 00  01 00 00 00     # IFLA_IPTUN_ENCAP_FLAGS (16) u16 TUNNEL_ENCAP_FLAG_CSUM (1), padded
            04 00 13 00                  # IFLA_IPTUN_COLLECT_METADATA (19): a flag, no payload
        """);

    /// <summary>
    /// IFLA_INFO_DATA of an ipip tunnel with every parameter at its default (what
    /// `ip link add t type ipip` makes): no endpoints, ttl inherit, path MTU discovery on.
    /// </summary>
    private static readonly byte[] DefaultInfoData = Hex.Parse("""
        08 00 01 00  00 00 00 00     # IFLA_IPTUN_LINK 0: no underlay
        08 00 02 00  00 00 00 00     # IFLA_IPTUN_LOCAL 0.0.0.0
        08 00 03 00  00 00 00 00     # IFLA_IPTUN_REMOTE 0.0.0.0
        05 00 04 00  00 00 00 00     # IFLA_IPTUN_TTL 0: inherit
        05 00 05 00  00 00 00 00     # IFLA_IPTUN_TOS 0
        05 00 09 00  04 00 00 00     # IFLA_IPTUN_PROTO IPPROTO_IPIP
        05 00 0a 00  01 00 00 00     # IFLA_IPTUN_PMTUDISC 1: on by default
        08 00 14 00  00 00 00 00     # IFLA_IPTUN_FWMARK 0
        06 00 0f 00  00 00 00 00     # IFLA_IPTUN_ENCAP_TYPE TUNNEL_ENCAP_NONE
        06 00 11 00  00 00 00 00     # IFLA_IPTUN_ENCAP_SPORT 0
        06 00 12 00  00 00 00 00     # IFLA_IPTUN_ENCAP_DPORT 0
        06 00 10 00  00 00 00 00     # IFLA_IPTUN_ENCAP_FLAGS 0
        """);

    private static readonly IpipParameters Expected = new()
    {
        UnderlayIndex = 2,
        Local = IPAddress.Parse("10.10.10.2"),
        Remote = IPAddress.Parse("10.10.20.2"),
        Ttl = 64,
        Tos = 0x10,
        Protocol = IpipParameters.ProtocolIpip,
        PathMtuDiscovery = true,
        FirewallMark = 42,
        Encapsulation = new TunnelEncapsulation(TunnelEncapsulationType.Gue, 1, 5555, 6080),
        CollectMetadata = true,
    };

    [Fact]
    public void ParsedAndEmittedAgainIsByteIdentical()
    {
        var message = LinkMessage.Parse(NetlinkMessage.ParseAll(IpipLink).Single());
        var writer = new MessageWriter();
        message.WriteTo(writer);

        Assert.Equal(196, IpipLink.Length);
        MessageObjects.AssertSameBytes(IpipLink, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void DriverDecodesEveryIptunAttribute()
    {
        var message = LinkMessage.Parse(NetlinkMessage.ParseAll(IpipLink).Single());

        Assert.Equal("ipip", message.Kind);
        Assert.Equal(Expected, new IpipDriver().Read(message.InfoData));
    }

    [Fact]
    public void DriverEncodesTheDecodedParametersToTheSameInfoData()
    {
        var message = LinkMessage.Parse(NetlinkMessage.ParseAll(IpipLink).Single());
        var infoData = message.LinkInfo!.Single(a => a.Type == LinkAttribute.Info.Data).Payload.ToArray();

        MessageObjects.AssertSameBytes(infoData, Encode(new IpipDriver().Read(message.InfoData)));
    }

    [Fact]
    public void DefaultParametersRoundTripThroughZeroAddresses()
    {
        var decoded = new IpipDriver().Read(AttributeList.Parse(DefaultInfoData));

        Assert.Equal(new IpipParameters(), decoded);
        Assert.Null(decoded.Local);
        Assert.Null(decoded.Remote);
        MessageObjects.AssertSameBytes(DefaultInfoData, Encode(new IpipParameters()));
    }

    [Fact]
    public void LinkAndTunnelObjectsShowTheTunnelLikeIproute2()
    {
        var message = LinkMessage.Parse(NetlinkMessage.ParseAll(IpipLink).Single());
        var link = LinkReader.Read(message, null);
        var tunnel = IpTunnel.FromLink(link, index => index == 2 ? "eth0" : null);

        Assert.Equal(DeviceType.Ipip, link.DeviceType);
        Assert.Equal("10.10.10.2", link.HardwareAddress);
        Assert.Equal(1480, link.Mtu);
        Assert.Equal("POINTOPOINT,NOARP,UP,LOWER_UP", link.Flags.ToIpString());
        Assert.NotNull(tunnel);
        Assert.Equal("eth0", tunnel.UnderlayDevice);
        Assert.False(tunnel.IsFallback);
        Assert.Equal("tunl: ip/ip remote 10.10.20.2 local 10.10.10.2 dev eth0 ttl 64 tos 0x10", tunnel.ToString());
    }

    private static byte[] Encode(IpipParameters parameters)
    {
        var writer = new MessageWriter();
        using var context = new LinkEncodingContext();
        new IpipDriver().WriteInfoData(writer, parameters, context);
        return writer.WrittenSpan.ToArray();
    }
}
