using System.Buffers.Binary;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Golden;

/// <summary>
/// NLMSG_ERROR messages from linux/netlink.h (struct nlmsgerr, NLM_F_CAPPED,
/// NLM_F_ACK_TLVS, NLMSGERR_ATTR_*), laid out as netlink_ack builds them: an error
/// with extended ACK (the kernel's text and the offset of the attribute it
/// rejected), a plain ACK, and the uncapped form a socket without NETLINK_CAP_ACK gets.
/// </summary>
public sealed class ErrorMessageGoldenTests
{
    private static readonly byte[] ExtendedAckError = Hex.Parse("""
        # struct nlmsghdr
        4c 00 00 00              # nlmsg_len = 76
        02 00                    # nlmsg_type = NLMSG_ERROR (2)
        00 03                    # nlmsg_flags = NLM_F_CAPPED (0x100) | NLM_F_ACK_TLVS (0x200)
        11 00 00 00              # nlmsg_seq = 17: the request's
        39 05 00 00              # nlmsg_pid = 1337
        # struct nlmsgerr
        ea ff ff ff              # error = -22 (-EINVAL)
        # msg: the request's nlmsghdr only (capped)
        3c 00 00 00              # its nlmsg_len = 60
        18 00                    # RTM_NEWROUTE
        05 06                    # NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE (0x605)
        11 00 00 00              # seq 17
        00 00 00 00              # pid 0: requests leave it to the kernel
        # NLMSGERR_ATTR_MSG (1) "Nexthop has invalid gateway\0": 28 bytes, nla_len 32
        20 00 01 00
          4e 65 78 74 68 6f 70 20  68 61 73 20 69 6e 76 61
          6c 69 64 20 67 61 74 65  77 61 79 00
        # NLMSGERR_ATTR_OFFS (2) u32 36: where in the request the bad attribute starts
        08 00 02 00  24 00 00 00
        """);

    private static readonly byte[] Ack = Hex.Parse("""
        24 00 00 00              # nlmsg_len = 36
        02 00                    # NLMSG_ERROR
        00 01                    # NLM_F_CAPPED: an ACK never echoes more than the header
        09 00 00 00              # nlmsg_seq = 9
        39 05 00 00              # nlmsg_pid = 1337
        00 00 00 00              # error = 0: success
        20 00 00 00  13 00 05 00  09 00 00 00  00 00 00 00   # RTM_SETLINK (19), REQUEST|ACK, seq 9
        """);

    /// <summary>Without NETLINK_CAP_ACK the whole request is echoed, and the TLVs follow it.</summary>
    private static readonly byte[] UncappedError = Hex.Parse("""
        48 00 00 00              # nlmsg_len = 72
        02 00                    # NLMSG_ERROR
        00 02                    # NLM_F_ACK_TLVS only: not capped
        05 00 00 00  39 05 00 00 # seq 5, pid 1337
        ed ff ff ff              # error = -19 (-ENODEV)
        # the whole request: nlmsghdr + ifinfomsg (32 bytes)
        20 00 00 00  10 00 05 00  05 00 00 00  00 00 00 00
        00 00 00 00  63 00 00 00  00 00 00 00  00 00 00 00   # ifi_index 99
        # NLMSGERR_ATTR_MSG "No dev\0": nla_len 11, padded to 12
        0b 00 01 00  4e 6f 20 64  65 76 00 00
        # NLMSGERR_ATTR_MISS_TYPE (5) u32 3 (IFLA_IFNAME)
        08 00 05 00  03 00 00 00
        """);

    [Fact]
    public void ExtendedAckErrorRoundTripsAndDecodes()
    {
        var message = NetlinkMessage.ParseAll(ExtendedAckError).Single();
        var error = NetlinkError.Parse(message);

        MessageObjects.AssertSameBytes(ExtendedAckError, MessageObjects.ReEmit(ExtendedAckError));
        Assert.False(error.IsAck);
        Assert.Equal(22, error.Errno);
        Assert.Equal("Nexthop has invalid gateway", error.KernelMessage);
        Assert.Equal(36, error.AttributeOffset);
        Assert.Null(error.MissingAttributeType);
        Assert.Equal((ushort)RtnlMessageType.NewRoute, error.Request.Type);
        Assert.Equal(17u, error.Request.Sequence);
        Assert.Equal(60u, error.Request.Length);
        Assert.Equal(NetlinkFlags.Request | NetlinkFlags.Ack | NetlinkFlags.Exclusive | NetlinkFlags.Create, error.Request.Flags);
    }

    [Fact]
    public void TheOffsetNamesTheAttributeOfOurRequest()
    {
        var error = NetlinkError.Parse(NetlinkMessage.ParseAll(ExtendedAckError).Single());
        var request = new byte[60];
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(36 + 2), RouteAttribute.Gateway);

        var exception = NetlinkConnection.ToException(error, "add route 10.9.0.0/24 via 10.1.0.1 dev va onlink", request);

        Assert.Equal((ushort)RouteAttribute.Gateway, exception.OffendingAttributeType);
        Assert.Equal("Nexthop has invalid gateway", exception.KernelMessage);
        Assert.Equal(
            "Cannot add route 10.9.0.0/24 via 10.1.0.1 dev va onlink: Invalid argument (EINVAL). Kernel says: \"Nexthop has invalid gateway\" (attribute 5).",
            exception.Message);
    }

    [Fact]
    public void AckRoundTripsAndDecodes()
    {
        var error = NetlinkError.Parse(NetlinkMessage.ParseAll(Ack).Single());

        MessageObjects.AssertSameBytes(Ack, MessageObjects.ReEmit(Ack));
        Assert.True(error.IsAck);
        Assert.Null(error.KernelMessage);
        Assert.Null(error.ExtendedAck);
        Assert.Equal((ushort)RtnlMessageType.SetLink, error.Request.Type);
        Assert.Equal(9u, error.Request.Sequence);
    }

    [Fact]
    public void UncappedErrorFindsTheTlvsAfterTheEchoedRequest()
    {
        var error = NetlinkError.Parse(NetlinkMessage.ParseAll(UncappedError).Single());

        Assert.Equal(19, error.Errno);
        Assert.Equal("No dev", error.KernelMessage);
        Assert.Equal((ushort)3, error.MissingAttributeType);
        Assert.Null(error.AttributeOffset);
        Assert.Equal(32u, error.Request.Length);
        Assert.Equal(2, error.ExtendedAck!.Count);
    }
}
