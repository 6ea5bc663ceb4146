using System.Net;
using IpipTools.Core.Interop;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

/// <summary>
/// Batches against the real kernel, spread over several datagrams: the requests
/// the kernel refuses come back with their own index and the kernel's text, and
/// every other request is in the kernel, whatever its neighbours did.
/// </summary>
public sealed class RouteBatchLiveTests
{
    private const int Count = 300;

    [Fact]
    public void EachFailureNamesItsRequestAndTheRestAreInTheKernel()
    {
        using var lab = VethNamespace.Create("batch", address: "10.0.0.1/24", record: true, maxSendSize: 4096);
        var (ns, client, recorder) = (lab.Namespace, lab.Client, lab.Recorder!);
        client.Links.Add(new LinkSpec("vdown", new VethParameters("vdown-peer")));

        var specs = Enumerable.Range(0, Count).Select(Good).ToList();
        specs[7] = Good(7) with { Gateway = IPAddress.Parse("10.77.0.1") };                        // not on va's network, no onlink
        specs[120] = Good(5);                                                                      // the same route as request 5
        specs[250] = Good(250) with { Device = "vdown", Gateway = IPAddress.Parse("192.0.2.1"), OnLink = true }; // device down
        specs[Count - 1] = Good(Count - 1) with { Gateway = IPAddress.Parse("10.0.0.1"), OnLink = true };       // our own address

        var sentBefore = recorder.Sent.Count;
        var result = client.Routes.AddMany(specs);

        Assert.True(recorder.Sent.Count - sentBefore > 1, "4 KiB datagrams cannot hold 300 route requests");
        Assert.Equal(new[] { 7, 120, 250, Count - 1 }, result.Failures.Select(f => f.Index));
        var errors = result.Failures.ToDictionary(f => f.Index, f => f.Error);
        Assert.Equal("Nexthop has invalid gateway", errors[7].KernelMessage);
        Assert.Equal("RouteGatewayRejected", errors[7].ErrorId);
        Assert.Contains("make the route onlink", errors[7].RecommendedAction);
        Assert.Equal(Errno.EEXIST, errors[120].ErrorNumber);
        Assert.Equal("RouteExists", errors[120].ErrorId);
        Assert.Contains("already exists", errors[120].Message);
        Assert.Equal("Nexthop device is not up", errors[250].KernelMessage);
        Assert.Equal("RouteDeviceDown", errors[250].ErrorId);
        Assert.Contains("Kernel says: \"Nexthop device is not up\"", errors[250].Message);
        Assert.Equal("Nexthop has invalid gateway", errors[Count - 1].KernelMessage);
        Assert.All(result.Failures, f => Assert.Contains(specs[f.Index].ToString(), f.Error.Message));
        Assert.Equal(Count - 4, result.SucceededCount);

        var inKernel = RouteFacts.AllFromOracle(ns.Name, RouteTable.Main, "proto", "73").Select(r => r.Destination).ToHashSet();
        var expected = Enumerable.Range(0, Count).Where(i => i is not (7 or 120 or 250 or Count - 1)).Select(i => Good(i).Destination.ToString());
        Assert.Equal(expected.Order(), inKernel.Order());
    }

    [Fact]
    public void DeleteManyReportsTheRouteThatWasNotThere()
    {
        using var lab = VethNamespace.Create("batch", address: "10.0.0.1/24");
        var (ns, client) = (lab.Namespace, lab.Client);
        Assert.True(client.Routes.AddMany(Enumerable.Range(0, 20).Select(Good)).AllSucceeded);

        var doomed = Enumerable.Range(0, 10).Select(Good).ToList();
        doomed.Insert(4, Good(500));
        var result = client.Routes.DeleteMany(doomed);

        var failure = Assert.Single(result.Failures);
        Assert.Equal(4, failure.Index);
        Assert.Equal("RouteNotFound", failure.Error.ErrorId);
        Assert.Equal(Errno.ESRCH, failure.Error.ErrorNumber);
        var left = RouteFacts.AllFromOracle(ns.Name, RouteTable.Main, "proto", "73").Select(r => r.Destination).Order();
        Assert.Equal(Enumerable.Range(10, 10).Select(i => Good(i).Destination.ToString()).Order(), left);
    }

    private static Route Good(int i) => new(IPNetwork.Parse($"10.{100 + (i / 250)}.{i % 250}.0/24"))
    {
        Gateway = IPAddress.Parse("10.0.0.2"),
        Device = "va",
        Protocol = RouteProtocol.IpipTools,
    };
}
