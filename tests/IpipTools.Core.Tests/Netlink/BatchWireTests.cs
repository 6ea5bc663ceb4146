using System.Net;
using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Netlink;

/// <summary>
/// What a batch puts on the wire and how it reads the answers, against a scripted
/// kernel: requests without NLM_F_ACK, datagrams no larger than the transport
/// allows, each ending in an acknowledged NLMSG_NOOP barrier; failures matched to
/// request indexes across datagrams; lost answers (ENOBUFS) reported, not guessed.
/// The live counterpart, with the kernel's own answers, is RouteBatchLiveTests.
/// </summary>
public sealed class BatchWireTests
{
    private const uint Port = 4242;

    [Fact]
    public void RequestsAreSplitIntoDatagramsEachEndingInAnAcknowledgedBarrier()
    {
        var refused = new HashSet<int> { 3, 17, 18, 39 };
        var transport = new ScriptedNetlinkTransport(messages => new[] { ScriptedReceive.Of(Answer(messages, refused)) }, Port, maxSendSize: 600);
        var connection = new NetlinkConnection(transport);
        var batch = connection.CreateBatch();
        for (var i = 0; i < 40; i++)
        {
            var destination = new Route(IPNetwork.Parse($"10.0.{i}.0/24")) { Device = "dev" };
            batch.Add(RtnlMessageType.NewRoute, NetlinkFlags.Create | NetlinkFlags.Exclusive, w => RouteEncoder.Write(w, destination, 1));
        }

        var result = connection.ExecuteBatch(batch, "add routes", i => $"add route #{i}");

        Assert.True(transport.Sent.Count > 1, "600-byte datagrams cannot hold 40 route requests");
        Assert.All(transport.Sent, datagram =>
        {
            Assert.True(datagram.Length <= 600, $"a {datagram.Length}-byte datagram");
            var messages = NetlinkMessage.ParseAll(datagram);
            Assert.All(messages.SkipLast(1), m => Assert.False(m.Flags.HasFlag(NetlinkFlags.Ack)));
            Assert.Equal(NetlinkMessageType.Noop, messages[^1].Type);
            Assert.Equal(NetlinkFlags.Request | NetlinkFlags.Ack, messages[^1].Flags);
        });
        Assert.Equal(40, transport.Sent.Sum(d => NetlinkMessage.ParseAll(d).Count - 1));
        Assert.Equal(refused.Order(), result.Failures.Select(f => f.Index));
        Assert.All(result.Failures, f => Assert.Equal($"Cannot add route #{f.Index}: File exists (EEXIST). Kernel says: \"refused #{f.Index}\".", f.Error.Message));
        Assert.Equal(36, result.SucceededCount);
        Assert.Equal(40, connection.ChangeRequestCount);
    }

    [Fact]
    public void LostAnswersAreReportedInsteadOfGuessed()
    {
        var transport = new ScriptedNetlinkTransport(_ => new[] { ScriptedReceive.Failure(Errno.ENOBUFS) }, Port);
        var connection = new NetlinkConnection(transport);
        var batch = connection.CreateBatch();
        batch.Add(RtnlMessageType.NewRoute, NetlinkFlags.Create, w => RouteEncoder.Write(w, new Route(IPNetwork.Parse("10.0.0.0/24")) { Device = "dev" }, 1));
        batch.Add(RtnlMessageType.NewRoute, NetlinkFlags.Create, w => RouteEncoder.Write(w, new Route(IPNetwork.Parse("10.0.1.0/24")) { Device = "dev" }, 1));

        var error = Assert.Throws<NetlinkException>(() => connection.ExecuteBatch(batch, "add routes"));

        Assert.Equal("BatchAnswersLost", error.ErrorId);
        Assert.Equal(Errno.ENOBUFS, error.ErrorNumber);
        Assert.Contains("requests 0..1", error.Message);
        Assert.Contains("which of them failed is unknown", error.Message);
    }

    [Fact]
    public void RequestWhoseBodyCannotBeWrittenLeavesNothingInTheBatch()
    {
        var connection = new NetlinkConnection(new ScriptedNetlinkTransport(_ => Array.Empty<ScriptedReceive>(), Port));
        var batch = connection.CreateBatch();
        batch.Add(RtnlMessageType.NewRoute, NetlinkFlags.Create, w => w.WriteStruct(new RtMessage()));

        Assert.Throws<InvalidOperationException>(() => batch.Add(RtnlMessageType.NewRoute, NetlinkFlags.Create, w =>
        {
            w.WriteStruct(new RtMessage());
            throw new InvalidOperationException("bad spec");
        }));

        Assert.Equal(1, batch.Count);
    }

    /// <summary>The kernel's answer to one datagram: an error for each refused request, then the barrier's ACK.</summary>
    private static byte[] Answer(IReadOnlyList<NetlinkMessage> messages, HashSet<int> refused)
    {
        var replies = new NetlinkReplyWriter(Port);
        foreach (var request in messages.SkipLast(1))
        {
            var destination = RouteReader.Read(request, _ => null, null).Destination;
            var index = destination.BaseAddress.GetAddressBytes()[2];
            if (refused.Contains(index))
            {
                replies.Error(new NetlinkError(Errno.EEXIST, request.Header, $"refused #{index}", null, null));
            }
        }

        return replies.Ack(messages[^1].Header).ToArray();
    }
}
