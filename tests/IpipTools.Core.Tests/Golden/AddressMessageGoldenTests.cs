using System.Net;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Golden;

/// <summary>
/// One datagram of an address dump with two RTM_NEWADDR messages, written out from
/// linux/if_addr.h (ifaddrmsg, IFA_*) in inet_fill_ifaddr's order: a point-to-point
/// address ("10.10.100.10 peer 10.10.200.10", where IFA_ADDRESS is the peer and
/// IFA_LOCAL our end) and an ordinary one (IFA_ADDRESS equal to IFA_LOCAL).
/// </summary>
public sealed class AddressMessageGoldenTests
{
    private static readonly byte[] AddressDump = Hex.Parse("""
        # ---- message 1: struct nlmsghdr
        50 00 00 00              # nlmsg_len = 80
        14 00                    # nlmsg_type = RTM_NEWADDR (20)
        02 00                    # nlmsg_flags = NLM_F_MULTI
        05 00 00 00              # nlmsg_seq = 5
        39 05 00 00              # nlmsg_pid = 1337
        # struct ifaddrmsg
        02                       # ifa_family = AF_INET
        20                       # ifa_prefixlen = 32 (of the peer)
        80                       # ifa_flags = IFA_F_PERMANENT
        00                       # ifa_scope = RT_SCOPE_UNIVERSE
        08 00 00 00              # ifa_index = 8
        # IFA_ADDRESS (1): on a point-to-point address, the peer 10.10.200.10
        08 00 01 00  0a 0a c8 0a
        # IFA_LOCAL (2): our end, 10.10.100.10
        08 00 02 00  0a 0a 64 0a
        # IFA_LABEL (3) "tunl\0": nla_len 9, padded to 12
        09 00 03 00  74 75 6e 6c  00 00 00 00
        # IFA_FLAGS (8) u32 IFA_F_PERMANENT
        08 00 08 00  80 00 00 00
        # IFA_CACHEINFO (6) struct ifa_cacheinfo: preferred, valid (forever), cstamp, tstamp
        14 00 06 00  ff ff ff ff  ff ff ff ff  b6 3f 01 00  b6 3f 01 00
        # ---- message 2: struct nlmsghdr
        54 00 00 00              # nlmsg_len = 84
        14 00                    # nlmsg_type = RTM_NEWADDR
        02 00                    # nlmsg_flags = NLM_F_MULTI
        05 00 00 00              # nlmsg_seq = 5
        39 05 00 00              # nlmsg_pid = 1337
        # struct ifaddrmsg
        02 18 80 00              # AF_INET, prefixlen 24, IFA_F_PERMANENT, scope universe
        03 00 00 00              # ifa_index = 3
        08 00 01 00  0a 01 00 01     # IFA_ADDRESS 10.1.0.1 (same as local: no peer)
        08 00 02 00  0a 01 00 01     # IFA_LOCAL 10.1.0.1
        08 00 04 00  0a 01 00 ff     # IFA_BROADCAST (4) 10.1.0.255
        07 00 03 00  76 61 00 00     # IFA_LABEL "va\0"
        08 00 08 00  80 00 00 00     # IFA_FLAGS IFA_F_PERMANENT
        14 00 06 00  ff ff ff ff  ff ff ff ff  b5 3f 01 00  b5 3f 01 00   # IFA_CACHEINFO
        """);

    [Fact]
    public void ParsedAndEmittedAgainIsByteIdentical()
    {
        Assert.Equal(164, AddressDump.Length);
        MessageObjects.AssertSameBytes(AddressDump, MessageObjects.ReEmit(AddressDump));
    }

    [Fact]
    public void DecodesPeerAndOrdinaryAddresses()
    {
        var names = new Dictionary<int, string> { [8] = "tunl", [3] = "va" };
        var addresses = NetlinkMessage.ParseAll(AddressDump)
            .Select(m => AddressReader.Read(AddressMessage.Parse(m), names.GetValueOrDefault, "lab"))
            .ToList();

        var peer = addresses[0];
        Assert.Equal(("tunl", 8, "lab"), (peer.InterfaceName, peer.Index, peer.Namespace));
        Assert.Equal(IPAddress.Parse("10.10.100.10"), peer.Address);
        Assert.Equal(IPAddress.Parse("10.10.200.10"), peer.Peer);
        Assert.Equal(32, peer.PrefixLength);
        Assert.Equal(RouteScope.Global, peer.Scope);
        Assert.Equal("tunl", peer.Label);
        Assert.Equal(AddressFlags.Permanent, peer.Flags);
        Assert.Equal("10.10.100.10 peer 10.10.200.10/32", peer.ToString());

        var plain = addresses[1];
        Assert.Equal(("va", IPAddress.Parse("10.1.0.1"), (byte)24), (plain.InterfaceName, plain.Address, plain.PrefixLength));
        Assert.Null(plain.Peer);
        Assert.Equal("10.1.0.1/24", plain.ToString());
    }
}
