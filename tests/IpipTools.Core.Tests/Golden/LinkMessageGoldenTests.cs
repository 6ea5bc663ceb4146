using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Golden;

/// <summary>
/// An RTM_NEWLINK reply for a veth, written out field by field from
/// linux/netlink.h (nlmsghdr), linux/rtnetlink.h (ifinfomsg) and linux/if_link.h
/// (IFLA_*), in the order rtnl_fill_ifinfo emits them. It carries attributes
/// IpipTools does not read (IFLA_TXQLEN) and a nest with NLA_F_NESTED set
/// (IFLA_PROP_LIST), which must survive the round trip untouched.
/// </summary>
public sealed class LinkMessageGoldenTests
{
    internal static readonly byte[] VethLink = Hex.Parse("""
        # struct nlmsghdr
        7c 00 00 00              # nlmsg_len = 124
        10 00                    # nlmsg_type = RTM_NEWLINK (16)
        00 00                    # nlmsg_flags = 0 (the answer to a GET for one link)
        2a 00 00 00              # nlmsg_seq = 42
        39 05 00 00              # nlmsg_pid = 1337 (the requester's port)
        # struct ifinfomsg
        00                       # ifi_family = AF_UNSPEC
        00                       # __ifi_pad
        01 00                    # ifi_type = ARPHRD_ETHER (1)
        03 00 00 00              # ifi_index = 3
        43 10 01 00              # ifi_flags = UP|BROADCAST|RUNNING|MULTICAST|LOWER_UP (0x11043)
        00 00 00 00              # ifi_change = 0
        # IFLA_IFNAME (3) "va\0": nla_len 7, padded to 8
        07 00 03 00  76 61 00 00
        # IFLA_TXQLEN (13) u32 1000: not read by IpipTools, kept as is
        08 00 0d 00  e8 03 00 00
        # IFLA_OPERSTATE (16) u8 IF_OPER_UP (6), padded
        05 00 10 00  06 00 00 00
        # IFLA_MTU (4) u32 1400
        08 00 04 00  78 05 00 00
        # IFLA_LINK (5) u32 2: the veth peer's index
        08 00 05 00  02 00 00 00
        # IFLA_MASTER (10) u32 4: enslaved to the bridge with index 4
        08 00 0a 00  04 00 00 00
        # IFLA_ADDRESS (1) 02:11:22:33:44:55: nla_len 10, padded to 12
        0a 00 01 00  02 11 22 33  44 55 00 00
        # IFLA_LINKINFO (18), nla_len 16
        10 00 12 00
          # IFLA_INFO_KIND (1) "veth\0": nla_len 9, padded to 12
          09 00 01 00  76 65 74 68  00 00 00 00
        # IFLA_PROP_LIST (52) | NLA_F_NESTED (0x8000), nla_len 16
        10 00 34 80
          # IFLA_ALT_IFNAME (53) "alt0\0": nla_len 9, padded to 12
          09 00 35 00  61 6c 74 30  00 00 00 00
        """);

    [Fact]
    public void ParsedAndEmittedAgainIsByteIdentical()
    {
        var message = LinkMessage.Parse(NetlinkMessage.ParseAll(VethLink).Single());
        var writer = new MessageWriter();
        message.WriteTo(writer);

        Assert.Equal(124, VethLink.Length);
        MessageObjects.AssertSameBytes(VethLink, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void DecodesEveryFieldIpipToolsReads()
    {
        var message = LinkMessage.Parse(NetlinkMessage.ParseAll(VethLink).Single());
        var link = LinkReader.Read(message, "lab");

        Assert.Equal("va", link.Name);
        Assert.Equal(3, link.Index);
        Assert.Equal("lab", link.Namespace);
        Assert.Equal("veth", link.Kind);
        Assert.IsType<VethParameters>(link.KindParameters);
        Assert.Equal(1400, link.Mtu);
        Assert.Equal(LinkFlags.Up | LinkFlags.Broadcast | LinkFlags.Running | LinkFlags.Multicast | LinkFlags.LowerUp, link.Flags);
        Assert.Equal("BROADCAST,MULTICAST,UP,LOWER_UP", link.Flags.ToIpString());
        Assert.Equal(OperationalState.Up, link.OperationalState);
        Assert.Equal(DeviceType.Ether, link.DeviceType);
        Assert.Equal("02:11:22:33:44:55", link.HardwareAddress);
        Assert.Equal(2, link.LinkedIndex);
        Assert.Null(link.LinkedNamespaceId);
        Assert.Equal(4, link.MasterIndex);
        Assert.True(message.Attributes.Contains(52), "the IFLA_PROP_LIST nest is kept");
        Assert.Equal((ushort)(52 | NetlinkAttribute.NestedFlag), message.Attributes.Single(a => a.Type == 52).RawType);
        Assert.Equal("va               UP             02:11:22:33:44:55 <BROADCAST,MULTICAST,UP,LOWER_UP>", link.ToString());
    }
}
