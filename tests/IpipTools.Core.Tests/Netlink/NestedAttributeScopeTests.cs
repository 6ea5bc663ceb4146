using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Links;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Netlink;

/// <summary>
/// MessageWriter.Nested: the nla_len a closed scope writes, against bytes written out
/// by hand from linux/netlink.h and linux/if_link.h (as the kernel's nla_nest_start and
/// nla_nest_end produce them: a nest's length covers its header, its attributes and
/// their padding); and that a nest cannot be left open or closed out of order.
/// </summary>
public sealed class NestedAttributeScopeTests
{
    [Fact]
    public void EmptyNestIsItsFourByteHeader()
    {
        var writer = new MessageWriter();
        var start = writer.BeginMessage(RtnlMessageType.NewLink, NetlinkFlags.Request, 7);
        using (writer.Nested(LinkAttribute.LinkInfo))
        {
            writer.AddString(LinkAttribute.Info.Kind, "bridge");
            using var data = writer.Nested(LinkAttribute.Info.Data);
        }

        using (writer.Nested(LinkAttribute.LinkInfo))
        {
        }

        writer.EndMessage(start);

        Assert.Equal(Hex.Parse("""
            # struct nlmsghdr
            28 00 00 00              # nlmsg_len = 40 = 16 + 20 + 4
            10 00 01 00              # RTM_NEWLINK (16), NLM_F_REQUEST
            07 00 00 00  00 00 00 00 # nlmsg_seq = 7, nlmsg_pid = 0
            # IFLA_LINKINFO (18), nla_len 20
            14 00 12 00
              0b 00 01 00  62 72 69 64 67 65 00 00   # IFLA_INFO_KIND (1) "bridge\0", 1 byte of padding
              04 00 02 00                            # IFLA_INFO_DATA (2), empty: nla_len 4
            # IFLA_LINKINFO (18), empty, last in the message
            04 00 12 00
            """), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void NestedNestsEachCoverTheirContentAndItsPadding()
    {
        var writer = new MessageWriter();
        var start = writer.BeginMessage(RtnlMessageType.NewLink, NetlinkFlags.Request, 7);
        using (writer.Nested(LinkAttribute.LinkInfo))
        {
            writer.AddString(LinkAttribute.Info.Kind, "veth");
            using var data = writer.Nested(LinkAttribute.Info.Data);
            using var peer = writer.Nested(1); // VETH_INFO_PEER
            writer.WriteStruct(new IfInfoMessage());
            writer.AddString(LinkAttribute.Name, "vb");
        }

        writer.AddUInt32(LinkAttribute.Mtu, 1400);
        writer.EndMessage(start);

        Assert.Equal(Hex.Parse("""
            # struct nlmsghdr
            48 00 00 00              # nlmsg_len = 72
            10 00 01 00              # RTM_NEWLINK (16), NLM_F_REQUEST
            07 00 00 00  00 00 00 00 # nlmsg_seq = 7, nlmsg_pid = 0
            # IFLA_LINKINFO (18), nla_len 48 = 4 + 12 + 32
            30 00 12 00
              09 00 01 00  76 65 74 68 00 00 00 00   # IFLA_INFO_KIND (1) "veth\0", 3 bytes of padding
              # IFLA_INFO_DATA (2), nla_len 32 = 4 + 28
              20 00 02 00
                # VETH_INFO_PEER (1), nla_len 28 = 4 + 16 + 8
                1c 00 01 00
                  00 00 00 00  00 00 00 00  00 00 00 00  00 00 00 00   # struct ifinfomsg, all zero
                  07 00 03 00  76 62 00 00                             # IFLA_IFNAME (3) "vb\0", padded
            # after the nests: back at the top level
            08 00 04 00  78 05 00 00     # IFLA_MTU (4) u32 1400
            """), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void MessageWithANestLeftOpenCannotEnd()
    {
        var writer = new MessageWriter();
        var start = writer.BeginMessage(RtnlMessageType.NewLink, NetlinkFlags.Request, 7);
        writer.Nested(LinkAttribute.LinkInfo); // no using: never closed

        var error = Assert.Throws<InvalidOperationException>(() => writer.EndMessage(start));

        Assert.Contains("still open", error.Message);
    }

    [Fact]
    public void NestsClosedOutOfOrderOrTwiceAreRefused()
    {
        var writer = new MessageWriter();
        writer.BeginMessage(RtnlMessageType.NewLink, NetlinkFlags.Request, 7);
        var outer = writer.Nested(LinkAttribute.LinkInfo);
        var inner = writer.Nested(LinkAttribute.Info.Data);

        Assert.False(Closes(outer), "the outer nest closed while the inner one was open");
        Assert.True(Closes(inner));
        Assert.False(Closes(inner), "the inner nest closed twice");
        Assert.True(Closes(outer));
    }

    // A ref struct cannot be captured by Assert.Throws' lambda.
    private static bool Closes(NestedAttributeScope nest)
    {
        try
        {
            nest.Dispose();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [Fact]
    public void BatchRequestThatLeavesANestOpenIsAbandonedAndTheBatchGoesOn()
    {
        var connection = new NetlinkConnection(new ScriptedNetlinkTransport(_ => Array.Empty<ScriptedReceive>(), 4242));
        var batch = connection.CreateBatch();

        Assert.Throws<InvalidOperationException>(() => batch.Add(RtnlMessageType.NewLink, NetlinkFlags.Create, w =>
        {
            w.WriteStruct(new IfInfoMessage());
            w.Nested(LinkAttribute.LinkInfo);
        }));
        batch.Add(RtnlMessageType.NewLink, NetlinkFlags.Create, w =>
        {
            w.WriteStruct(new IfInfoMessage());
            using var info = w.Nested(LinkAttribute.LinkInfo);
        });

        Assert.Equal(1, batch.Count);
        Assert.Equal(NetlinkMessageHeader.Size + 16 + 4, batch.Writer.Length);
    }
}
