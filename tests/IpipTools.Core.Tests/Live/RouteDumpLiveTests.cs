using System.Net;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

/// <summary>
/// A table far bigger than one datagram: 2,000 routes of several shapes (gateway,
/// onlink, device only, metric, protocol, mtu) added in one batch; the multi-part
/// dump must read back exactly what `ip -d -j route` shows.
/// </summary>
public sealed class RouteDumpLiveTests
{
    private const int RouteCount = 2000;

    [Fact]
    public void MultiPartDumpOfTwoThousandRoutesEqualsIproute2()
    {
        using var lab = VethNamespace.Create("dump", address: "10.0.0.1/16", record: true);
        var (ns, client, recorder) = (lab.Namespace, lab.Client, lab.Recorder!);

        var added = client.Routes.AddMany(Enumerable.Range(0, RouteCount).Select(Route));
        Assert.True(added.AllSucceeded, string.Join("\n", added.Failures.Select(f => f.Error.Message)));

        var sentBefore = recorder.Sent.Count;
        var receivedBefore = recorder.Received.Count;
        var ours = client.Routes.List();
        var oracle = RouteFacts.AllFromOracle(ns.Name, RouteTable.Main);

        Assert.Equal(RouteCount + 1, ours.Count); // and the kernel's route for 10.0.0.0/16
        Assert.Equal(oracle, RouteFacts.AllFrom(ours));
        var routeDatagrams = recorder.Received.Skip(receivedBefore)
            .Where(d => NetlinkMessage.ParseAll(d).Any(m => m.Type == RtnlMessageType.NewRoute))
            .ToList();
        Assert.True(routeDatagrams.Count > 1, $"the dump took {routeDatagrams.Count} datagram(s)");
        var dumpSequence = NetlinkMessage.ParseAll(recorder.Sent[^1]).Single().Sequence;
        Assert.Equal(2, recorder.Sent.Count - sentBefore); // the link dump for device names, then the route dump
        Assert.All(routeDatagrams.SelectMany(d => NetlinkMessage.ParseAll(d)), m =>
        {
            Assert.Equal(dumpSequence, m.Sequence);
            Assert.True(m.Flags.HasFlag(NetlinkFlags.Multi));
        });
    }

    /// <summary>Route number <paramref name="i"/>: a mix of next hops and attributes, all in 10.100.0.0/14.</summary>
    private static Route Route(int i)
    {
        var spec = new Route(IPNetwork.Parse($"10.{100 + (i / 250)}.{i % 250}.0/24")) { Device = "va" };
        return (i % 4) switch
        {
            0 => spec with { Gateway = IPAddress.Parse("10.0.0.2") },
            1 => spec with { Gateway = IPAddress.Parse("192.0.2.1"), OnLink = true, Protocol = RouteProtocol.IpipTools },
            2 => spec with { Metric = (uint)i, Mtu = 1400 },
            _ => spec with { Gateway = IPAddress.Parse("10.0.0.3"), Protocol = RouteProtocol.Static, Metric = 10 },
        };
    }
}
