using System.Net;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

/// <summary>
/// On the real kernel: requests go out with fresh, increasing sequence numbers
/// and port 0; every reply carries our socket's port id and the sequence of a
/// request we sent; an error echoes the header of the request that failed.
/// </summary>
public sealed class ReplyAddressingLiveTests
{
    [Fact]
    public void RepliesCarryOurPortAndTheSequenceOfTheirRequest()
    {
        using var ns = new TestNamespace("seq");
        var (client, recorder) = RecordingClient.Open(ns.Namespace);
        using var owned = client;

        client.Links.Add(new LinkSpec("va", new VethParameters("vb")) { Up = true });
        client.Links.List();
        Assert.Throws<NetlinkException>(() => client.Routes.Add(new Route(IPNetwork.Parse("10.9.0.0/24")) { Gateway = IPAddress.Parse("192.0.2.1"), Device = "va" }));

        var requests = recorder.Sent.SelectMany(d => NetlinkMessage.ParseAll(d)).Select(m => m.Header).ToList();
        var replies = recorder.Received.SelectMany(d => NetlinkMessage.ParseAll(d)).ToList();
        Assert.NotEqual(0u, client.Connection.PortId);
        Assert.All(requests, h => Assert.Equal(0u, h.PortId));
        Assert.Equal(requests.Select(h => h.Sequence).Order(), requests.Select(h => h.Sequence));
        Assert.Equal(requests.Count, requests.Select(h => h.Sequence).Distinct().Count());
        Assert.All(replies, m => Assert.Equal(client.Connection.PortId, m.Header.PortId));
        Assert.All(replies, m => Assert.Contains(m.Sequence, requests.Select(h => h.Sequence)));
        var error = NetlinkError.Parse(replies.Last(m => m.Type == NetlinkMessageType.Error));
        Assert.Equal(requests[^1], error.Request);
        Assert.Equal("Nexthop has invalid gateway", error.KernelMessage);
    }

    [Fact]
    public void TwoSocketsGetDistinctPortIds()
    {
        using var ns = new TestNamespace("seq");
        using var first = ns.Connect();
        using var second = ns.Connect();

        Assert.NotEqual(first.Connection.PortId, second.Connection.PortId);
    }
}
