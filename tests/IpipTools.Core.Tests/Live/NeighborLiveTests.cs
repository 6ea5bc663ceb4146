using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.BridgeFdb;
using IpipTools.Core.Rtnl.Neighbors;
using IpipTools.Core.Tests.Errors;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

/// <summary>
/// Neighbour entries against `ip -j neigh` and FDB entries against `bridge -j fdb`, both ways,
/// sent through the batches the cmdlets use; refused entries leave the namespace as it was.
/// </summary>
public sealed class NeighborLiveTests
{
    [Fact]
    public void WhatIpipToolsAddsIpListsAndWhatIpAddsIpipToolsReads()
    {
        using var lab = VethNamespace.Create("neigh");
        var (ns, client) = (lab.Namespace, lab.Client);
        var batch = client.Neighbors.CreateBatch(EntryChange.Add);
        batch.Queue(new Neighbor(IPAddress.Parse("10.1.0.2"), "va") { LinkLayerAddress = "02:00:00:00:00:02" });
        batch.Queue(new Neighbor(IPAddress.Parse("2001:db8::2"), "va") { LinkLayerAddress = "02:00:00:00:00:03", State = NeighborState.Stale, IsRouter = true });
        var outcomes = batch.Send();
        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.Equal(new[] { "10.1.0.2 dev va lladdr 02:00:00:00:00:02 PERMANENT", "2001:db8::2 dev va lladdr 02:00:00:00:00:03 router STALE" },
            outcomes.Select(o => o.Made!.ToString()));

        var v4 = Assert.Single(IpOracle.Json(ns.Name, "neigh", "show", "to", "10.1.0.2").EnumerateArray());
        Assert.Equal(("va", "02:00:00:00:00:02", "PERMANENT"), (v4.String("dev"), v4.String("lladdr"), v4.Strings("state").Single()));
        var v6 = Assert.Single(IpOracle.Json(ns.Name, "-6", "neigh", "show", "to", "2001:db8::2").EnumerateArray());
        Assert.True(v6.TryGetProperty("router", out _));

        ns.Ip("neigh", "add", "10.1.0.7", "lladdr", "02:00:00:00:00:07", "dev", "vb", "nud", "noarp").EnsureSuccess("ip neigh add");
        var read = client.Neighbors.List(IpFamily.IPv4).Single(n => n.Address.Equals(IPAddress.Parse("10.1.0.7")));
        Assert.Equal(("vb", "02:00:00:00:00:07", NeighborState.NoArp), (read.Device, read.LinkLayerAddress, read.State));
    }

    [Fact]
    public void AChangeNeedsAnEntryAndADeletionTakesIt()
    {
        using var lab = VethNamespace.Create("neigh");
        var (ns, client) = (lab.Namespace, lab.Client);
        var entry = new Neighbor(IPAddress.Parse("10.1.0.9"), "va") { LinkLayerAddress = "02:00:00:00:00:09" };

        var change = client.Neighbors.CreateBatch(EntryChange.Change);
        change.Queue(entry);
        var refused = Assert.Single(change.Send());
        Assert.Equal("NeighborNotFound", Assert.IsType<NetlinkException>(refused.Error).ErrorId);
        Assert.Empty(IpOracle.Json(ns.Name, "neigh", "show", "to", "10.1.0.9").EnumerateArray());

        var add = client.Neighbors.CreateBatch(EntryChange.Add);
        add.Queue(entry with { State = NeighborState.Reachable });
        Assert.Null(Assert.Single(add.Send()).Error);
        change.Queue(entry with { LinkLayerAddress = "02:00:00:00:00:99" });
        Assert.Equal("02:00:00:00:00:99", Assert.Single(change.Send()).Made!.LinkLayerAddress);

        var delete = client.Neighbors.CreateBatch(EntryChange.Delete);
        delete.Queue(entry);
        Assert.Null(Assert.Single(delete.Send()).Error);
        Assert.Empty(IpOracle.Json(ns.Name, "neigh", "show", "to", "10.1.0.9").EnumerateArray());
    }

    [Theory]
    [InlineData("four bytes on Ethernet", "NeighborLinkLayerAddressLength")]
    [InlineData("no link-layer address", "NeighborNeedsLinkLayerAddress")]
    [InlineData("failed state", "NeighborStateUnsupported")]
    [InlineData("missing device", "LinkNotFound")]
    public void BadNeighbourLeavesNothingBehind(string what, string errorId)
    {
        using var lab = VethNamespace.Create("neigh");
        var entry = what switch
        {
            "four bytes on Ethernet" => new Neighbor(IPAddress.Parse("10.1.0.5"), "va") { LinkLayerAddress = "192.0.2.5" },
            "no link-layer address" => new Neighbor(IPAddress.Parse("10.1.0.5"), "va"),
            "failed state" => new Neighbor(IPAddress.Parse("10.1.0.5"), "va") { LinkLayerAddress = "02:00:00:00:00:05", State = NeighborState.Failed },
            _ => new Neighbor(IPAddress.Parse("10.1.0.5"), "nosuch0") { LinkLayerAddress = "02:00:00:00:00:05" },
        };
        var batch = lab.Client.Neighbors.CreateBatch(EntryChange.Add);

        var error = NothingLeftBehind.Assert<IpipToolsException>(lab.Namespace, () => batch.Queue(entry));
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public void FdbEntriesAsBridgeFdbListsThemBothWays()
    {
        using var lab = VethNamespace.Create("fdb");
        var (ns, client) = (lab.Namespace, lab.Client);
        ns.Ip("link", "add", "vx0", "type", "vxlan", "id", "42", "dstport", "4789", "local", "10.1.0.1").EnsureSuccess("ip link add vxlan");

        var add = client.BridgeFdb.CreateBatch(EntryChange.Add);
        add.Queue(new BridgeFdbEntry("00:00:00:00:00:00", "vx0") { Destination = IPAddress.Parse("10.1.0.2"), Self = true });
        Assert.Null(Assert.Single(add.Send()).Error);
        var append = client.BridgeFdb.CreateBatch(EntryChange.Append);
        append.Queue(new BridgeFdbEntry("00:00:00:00:00:00", "vx0") { Destination = IPAddress.Parse("10.1.0.3"), Vni = 43, Self = true });
        var appended = Assert.Single(append.Send()).Made!;
        Assert.Equal("00:00:00:00:00:00 dev vx0 dst 10.1.0.3 vni 43 self permanent", appended.ToString());

        Command.Run("bridge", "-n", ns.Name, "fdb", "append", "00:00:00:00:00:00", "dev", "vx0", "dst", "10.1.0.4").EnsureSuccess("bridge fdb append");
        var oracle = System.Text.Json.JsonDocument.Parse(Command.Run("bridge", "-n", ns.Name, "-j", "fdb", "show", "dev", "vx0").EnsureSuccess("bridge fdb show").Output)
            .RootElement.EnumerateArray().Select(e => e.String("dst")).Order().ToList();
        var ours = client.BridgeFdb.List().Where(e => e.Device == "vx0").Select(e => e.Destination?.ToString()).Order().ToList();
        Assert.Equal(new[] { "10.1.0.2", "10.1.0.3", "10.1.0.4" }, oracle);
        Assert.Equal(oracle, ours);

        var bad = client.BridgeFdb.CreateBatch(EntryChange.Add);
        var error = NothingLeftBehind.Assert<IpipToolsException>(ns, () => bad.Queue(new BridgeFdbEntry("00:00:00:00:00", "vx0") { Self = true }));
        Assert.Equal("FdbMacAddressInvalid", error.ErrorId);
    }
}
