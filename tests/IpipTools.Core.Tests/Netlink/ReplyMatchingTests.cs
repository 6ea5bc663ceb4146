using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Links;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Netlink;

/// <summary>
/// How replies are matched to requests: by sequence number (stale answers to an
/// abandoned request are skipped), by port id (a reply for another socket is a
/// protocol violation; port 0 notifications are tolerated), and what a kernel
/// error turns into. Scripted, because the kernel never misaddresses replies.
/// </summary>
public sealed class ReplyMatchingTests
{
    private const uint Port = 4242;

    [Fact]
    public void StaleAnswersToAnEarlierRequestAreSkipped()
    {
        var transport = new ScriptedNetlinkTransport(request =>
        {
            var header = request[0].Header;
            var stale = header with { Sequence = header.Sequence - 1 };
            return new[]
            {
                ScriptedReceive.Of(new NetlinkReplyWriter(Port).Error(new NetlinkError(Errno.EEXIST, stale, "stale", null, null)).ToArray()),
                ScriptedReceive.Of(new NetlinkReplyWriter(Port).Ack(header).ToArray()),
            };
        }, Port);

        new NetlinkConnection(transport).Execute("set link up", RtnlMessageType.NewLink, NetlinkFlags.None, w => w.WriteStruct(new IfInfoMessage { Index = 1 }));

        Assert.Single(transport.Sent);
    }

    [Fact]
    public void ReplyAddressedToAnotherPortIsAProtocolViolation()
    {
        var transport = new ScriptedNetlinkTransport(request => new[]
        {
            ScriptedReceive.Of(new NetlinkReplyWriter(Port + 1).Ack(request[0].Header).ToArray()),
        }, Port);

        var error = Assert.Throws<NetlinkProtocolException>(() =>
            new NetlinkConnection(transport).Execute("set link up", RtnlMessageType.NewLink, NetlinkFlags.None, w => w.WriteStruct(new IfInfoMessage())));

        Assert.Contains($"port {Port + 1}", error.Message);
        Assert.Contains($"bound to port {Port}", error.Message);
    }

    [Fact]
    public void NotificationsFromPortZeroAreToleratedAndIgnored()
    {
        // A notification about another link (port 0, sequence 0) arrives ahead of the reply.
        byte[]? notification = null;
        byte[]? reply = null;
        var transport = new ScriptedNetlinkTransport(request =>
        {
            notification = LinkReply(portId: 0, sequence: 0, index: 9, name: "eth9");
            reply = LinkReply(Port, request[0].Header.Sequence, index: 7, name: "tunl0");
            return new[] { ScriptedReceive.Of(notification), ScriptedReceive.Of(reply) };
        }, Port);

        var name = new NetlinkConnection(transport).Query("get link", RtnlMessageType.GetLink, w => w.WriteStruct(new IfInfoMessage { Index = 7 }),
            m => LinkMessage.Parse(m).Name);

        Assert.Equal("tunl0", name);
        Assert.Equal(new[] { notification, reply }, transport.Delivered);
        Assert.Single(transport.Sent);
    }

    private static byte[] LinkReply(uint portId, uint sequence, int index, string name) =>
        new NetlinkReplyWriter(portId)
            .Message(RtnlMessageType.NewLink, NetlinkFlags.None, sequence, w =>
            {
                w.WriteStruct(new IfInfoMessage { Index = index });
                w.AddString(LinkAttribute.Name, name);
            })
            .ToArray();

    [Fact]
    public void SequenceNumbersIncreaseAndNeverUseZero()
    {
        var connection = new NetlinkConnection(new ScriptedNetlinkTransport(_ => Array.Empty<ScriptedReceive>()), initialSequence: uint.MaxValue - 1);

        Assert.Equal(uint.MaxValue, connection.NextSequence());
        Assert.Equal(1u, connection.NextSequence());
        Assert.Equal(2u, connection.NextSequence());
    }

    [Fact]
    public void RequestsCarryTheirSequenceAndLeaveThePortToTheKernel()
    {
        var transport = new ScriptedNetlinkTransport(request => new[] { ScriptedReceive.Of(new NetlinkReplyWriter(Port).Ack(request[0].Header).ToArray()) }, Port);
        var connection = new NetlinkConnection(transport, initialSequence: 100);

        connection.Execute("one", RtnlMessageType.NewLink, NetlinkFlags.None, w => w.WriteStruct(new IfInfoMessage()));
        connection.Execute("two", RtnlMessageType.NewLink, NetlinkFlags.None, w => w.WriteStruct(new IfInfoMessage()));

        var headers = transport.Sent.Select(d => NetlinkMessage.ParseAll(d).Single().Header).ToList();
        Assert.Equal(new uint[] { 101, 102 }, headers.Select(h => h.Sequence));
        Assert.All(headers, h => Assert.Equal(0u, h.PortId));
        Assert.All(headers, h => Assert.Equal(NetlinkFlags.Request | NetlinkFlags.Ack, h.Flags));
        Assert.Equal(2, connection.ChangeRequestCount);
    }

    [Fact]
    public void KernelErrorBecomesAnExceptionWithItsTextAndTheAttributeOfOurRequest()
    {
        var transport = new ScriptedNetlinkTransport(request =>
        {
            // Point at the request's first attribute, IFLA_IFNAME, right after ifinfomsg.
            var error = new NetlinkError(Errno.ERANGE, request[0].Header, "Attribute failed policy validation", NetlinkMessageHeader.Size + 16, null);
            return new[] { ScriptedReceive.Of(new NetlinkReplyWriter(Port).Error(error).ToArray()) };
        }, Port);

        var exception = Assert.Throws<NetlinkException>(() => new NetlinkConnection(transport).Execute("rename link", RtnlMessageType.NewLink, NetlinkFlags.None, w =>
        {
            w.WriteStruct(new IfInfoMessage { Index = 2 });
            w.AddString(LinkAttribute.Name, "x");
        }));

        Assert.Equal(Errno.ERANGE, exception.ErrorNumber);
        Assert.Equal("Attribute failed policy validation", exception.KernelMessage);
        Assert.Equal(LinkAttribute.Name, exception.OffendingAttributeType);
        Assert.Equal("Cannot rename link: Numerical result out of range (ERANGE). Kernel says: \"Attribute failed policy validation\" (attribute 3).", exception.Message);
    }

    [Fact]
    public void QueryReturnsTheParsedReplyAndSkipsTheAck()
    {
        var transport = new ScriptedNetlinkTransport(request =>
        {
            var sequence = request[0].Sequence;
            var reply = new NetlinkReplyWriter(Port)
                .Message(RtnlMessageType.NewLink, NetlinkFlags.None, sequence, w =>
                {
                    w.WriteStruct(new IfInfoMessage { Index = 7 });
                    w.AddString(LinkAttribute.Name, "tunl0");
                })
                .ToArray();
            return new[] { ScriptedReceive.Of(new NetlinkReplyWriter(Port).Ack(request[0].Header).ToArray()), ScriptedReceive.Of(reply) };
        }, Port);

        var name = new NetlinkConnection(transport).Query("get link", RtnlMessageType.GetLink, w => w.WriteStruct(new IfInfoMessage { Index = 7 }),
            m => LinkMessage.Parse(m).Name);

        Assert.Equal("tunl0", name);
    }

    [Fact]
    public void BodyWriterThatSendsARequestOfItsOwnIsRefusedInsteadOfHanging()
    {
        var transport = new ScriptedNetlinkTransport(request => new[] { ScriptedReceive.Of(new NetlinkReplyWriter(Port).Ack(request[0].Header).ToArray()) }, Port);
        var connection = new NetlinkConnection(transport);

        var error = Assert.Throws<InvalidOperationException>(() => connection.Execute("delete route", RtnlMessageType.DeleteRoute, NetlinkFlags.None, w =>
            connection.Query("get link", RtnlMessageType.GetLink, inner => inner.WriteStruct(new IfInfoMessage()), m => m.Type)));

        Assert.Contains("while its own request was being built", error.Message);
        Assert.Empty(transport.Sent);
        connection.Execute("set link up", RtnlMessageType.NewLink, NetlinkFlags.None, w => w.WriteStruct(new IfInfoMessage()));
        Assert.Single(transport.Sent);
    }

    [Fact]
    public void SilentKernelEndsInTheReplyTimeoutInsteadOfHanging()
    {
        var transport = new ScriptedNetlinkTransport(_ => Array.Empty<ScriptedReceive>(), Port);

        var error = Assert.Throws<SystemCallException>(() =>
            new NetlinkConnection(transport).Execute("set link up", RtnlMessageType.NewLink, NetlinkFlags.None, w => w.WriteStruct(new IfInfoMessage())));

        Assert.Equal(Errno.EAGAIN, error.ErrorNumber);
    }

    [Theory]
    [InlineData("08 00 00 00  02 00 00 00", "too few for a header")]                           // 8 bytes: not even a header
    [InlineData("40 00 00 00  02 00 00 00  01 00 00 00  92 10 00 00", "declares length 64")] // length past the datagram
    public void MalformedDatagramIsAProtocolViolation(string hex, string expected)
    {
        var transport = new ScriptedNetlinkTransport(_ => new[] { ScriptedReceive.Of(Hex.Parse(hex)) }, Port);

        var error = Assert.Throws<NetlinkProtocolException>(() =>
            new NetlinkConnection(transport).Execute("set link up", RtnlMessageType.NewLink, NetlinkFlags.None, w => w.WriteStruct(new IfInfoMessage())));

        Assert.Contains(expected, error.Message);
    }
}
