using System.Net;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.Tests.Live;

/// <summary>
/// How many requests the cmdlets' core operations send, counted on the socket: iproute2
/// does the same work in as many, and every extra one is a kernel round trip per call.
/// The objects returned must still be what a full read of the kernel's tables reports.
/// </summary>
public sealed class ExchangeCountTests
{
    [Fact]
    public void AddingAnIpv4AddressIsTheDeviceLookupAndTheEchoedNewAddr()
    {
        using var lab = VethNamespace.Create("xchg", address: null, record: true);
        var (client, recorder) = (lab.Client, lab.Recorder!);

        var before = recorder.Sent.Count;
        var added = client.Addresses.Add(new InterfaceAddress("vb", IPAddress.Parse("10.10.100.10"), peer: IPAddress.Parse("10.10.200.10")) { Protocol = Ownership.AddressProtocol });
        var sent = recorder.Sent.Count - before;

        Assert.Equal(2, sent);
        Assert.Equal(ListedLike(client.Addresses.List(), added), added);
        Assert.Equal(("vb", IPAddress.Parse("10.10.200.10"), Ownership.AddressProtocol), (added.InterfaceName, added.Peer, added.Protocol));
    }

    [Fact]
    public void AddingAnIpv6AddressReadsBackAtMostOnceAndOnlyThatDevice()
    {
        using var lab = VethNamespace.Create("xchg", address: null, record: true);
        var (client, recorder) = (lab.Client, lab.Recorder!);

        var before = recorder.Sent.Count;
        var added = client.Addresses.Add(new InterfaceAddress("va", IPAddress.Parse("fd00:77::1"), 64));
        var sent = recorder.Sent.Count - before;

        // 2 where the kernel echoes IPv6 addresses, 3 (one read of va's IPv6 addresses) where it does not.
        Assert.InRange(sent, 2, 3);
        // DAD may clear the tentative flag between the two reads; everything else must match.
        Assert.Equal(ListedLike(client.Addresses.List(), added) with { Flags = 0 }, added with { Flags = 0 });
    }

    [Fact]
    public void CreatingALinkIsTheNewLinkAndOneLookupByName()
    {
        // New-IpipTunnel takes the same path (LinkOperations.Add); this kernel may lack ipip.
        using var lab = VethNamespace.Create("xchg", address: null, record: true);
        var (client, recorder) = (lab.Client, lab.Recorder!);

        var before = recorder.Sent.Count;
        var link = client.Links.Add(Link.Of("xbr0", new BridgeParameters()) with { IsUp = true, Mtu = 1400 });
        var sent = recorder.Sent.Count - before;

        Assert.Equal(2, sent);
        Assert.Equal((link.Index, 1400), (client.Links.Get("xbr0").Index, link.Mtu));
    }

    [Fact]
    public void CreatingAMarkedLinkSetsTheAliasByNameWithoutALookup()
    {
        // New-IpipTunnel marks its tunnels so: the kernel ignores an alias in the creation request.
        using var lab = VethNamespace.Create("xchg", address: null, record: true);
        var (client, recorder) = (lab.Client, lab.Recorder!);

        var before = recorder.Sent.Count;
        var link = client.Links.Add(Link.Of("xbr0", new BridgeParameters()) with { Alias = Ownership.LinkAlias });
        var sent = recorder.Sent.Count - before;

        // The creation, then the alias and the read-back in one send, after the creation succeeded.
        Assert.Equal(2, sent);
        Assert.Equal((Ownership.LinkAlias, Ownership.LinkAlias), (link.Alias, IpOracle.Link(lab.Name, "xbr0")!.Value.GetProperty("ifalias").GetString()));
    }

    [Fact]
    public void CreatingAVethPairUpAndMarkedIsTwoSends()
    {
        // New-VethPair -Up: both ends made in one request, then both marked, the peer raised and the local end read back in one send.
        using var lab = VethNamespace.Create("xchg", address: null, record: true);
        var (client, recorder) = (lab.Client, lab.Recorder!);

        var before = recorder.Sent.Count;
        var link = client.Links.Add(Link.Of("xa", new VethParameters("xb") { PeerIsUp = true, PeerAlias = Ownership.LinkAlias }) with { IsUp = true, Alias = Ownership.LinkAlias });
        var sent = recorder.Sent.Count - before;

        Assert.Equal(2, sent);
        var peer = IpOracle.Link(lab.Name, "xb")!.Value;
        Assert.Equal((true, Ownership.LinkAlias, Ownership.LinkAlias), (link.IsUp, link.Alias, peer.GetProperty("ifalias").GetString()));
        Assert.Contains("UP", peer.Strings("flags"));
    }

    [Fact]
    public void AddingAnOnlinkRouteIsTheDeviceLookupAndTheEchoedNewRoute()
    {
        using var lab = VethNamespace.Create("xchg", address: "10.1.0.1/24", record: true);
        var (client, recorder) = (lab.Client, lab.Recorder!);
        var spec = new Route(IPNetwork.Parse("10.10.0.0/16")) { Device = "va", Gateway = IPAddress.Parse("192.0.2.1"), OnLink = true, Metric = 7 };

        var before = recorder.Sent.Count;
        var batch = client.Routes.CreateBatch(RouteChange.Add);
        batch.Queue(spec);
        var outcome = Assert.Single(batch.Send());
        var sent = recorder.Sent.Count - before;

        Assert.Equal(2, sent);
        var route = outcome.Made!;
        Assert.Equal(Assert.Single(client.Routes.List(), r => r.Destination.Equals(spec.Destination)), route);
        Assert.Equal(("va", IPAddress.Parse("192.0.2.1"), true), (route.Device, route.Gateway, route.OnLink));
    }

    [Theory]
    [InlineData("10.20.0.0/16", "192.0.2.1", false)]
    [InlineData("fd00:20::/48", "fe80::1", false)]
    [InlineData("10.21.0.0/16", "192.0.2.9", true)]
    public void AnEchoedBatchReturnsWhatTheKernelLists(string destination, string gateway, bool replace)
    {
        using var lab = VethNamespace.Create("xchg", address: "10.1.0.1/24");
        var request = new Route(IPNetwork.Parse(destination)) { Device = "va", Gateway = IPAddress.Parse(gateway), OnLink = true, Table = (RouteTable)100 };

        var batch = lab.Client.Routes.CreateBatch(replace ? RouteChange.Replace : RouteChange.Add);
        batch.Queue(request);
        var added = Assert.Single(batch.Send()).Made;

        var listed = lab.Client.Routes.List(new RouteQuery { Table = (RouteTable)100, Family = AddressFamilies.Of(request.Destination.BaseAddress) });
        Assert.Equal(Assert.Single(listed, r => r.Destination.Equals(request.Destination)), added);
    }

    private static InterfaceAddress ListedLike(IReadOnlyList<InterfaceAddress> listed, InterfaceAddress added) =>
        Assert.Single(listed, a => a.Index == added.Index && a.Address.Equals(added.Address));
}
