using System.Net;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

/// <summary>
/// Addresses, including the point-to-point form `A peer B` the tunnels use,
/// compared with `ip -j addr` both ways; and the route the kernel derives from a peer.
/// </summary>
public sealed class AddressLiveTests
{
    [Fact]
    public void OursAsIproute2SeesIt()
    {
        using var lab = VethNamespace.Create("addr", address: null);
        var (ns, client) = (lab.Namespace, lab.Client);

        var plain = client.Addresses.Add(new InterfaceAddress("va", IPAddress.Parse("10.1.0.1"), 24));
        client.Addresses.Add(new InterfaceAddress("va", IPAddress.Parse("10.1.0.2"), 24) { Label = "va:second" });
        var peer = client.Addresses.Add(new InterfaceAddress("vb", IPAddress.Parse("10.10.100.10"), peer: IPAddress.Parse("10.10.200.10")));
        client.Addresses.Add(new InterfaceAddress("vb", IPAddress.Parse("10.30.0.1"), 16) { Scope = RouteScope.Link });

        Assert.Equal("10.1.0.1/24", plain.ToString());
        Assert.Equal("10.10.100.10 peer 10.10.200.10/32", peer.ToString());
        Assert.Equal(AddressFacts.AllFromOracle(ns.Name), AddressFacts.AllFrom(client.Addresses.List()));
        var peerFacts = AddressFacts.AllFromOracle(ns.Name, "vb").Single(a => a.Local == "10.10.100.10");
        Assert.Equal("10.10.200.10", peerFacts.Peer);
        var peerRoute = Assert.Single(RouteFacts.AllFromOracle(ns.Name, RouteTable.Main, "10.10.200.10"));
        Assert.Equal(("vb", RouteScope.Link, "10.10.100.10"), (peerRoute.Device, peerRoute.Scope, peerRoute.PreferredSource));
        Assert.Equal("10.10.200.10 dev vb proto kernel scope link src 10.10.100.10",
            client.Routes.List().Single(r => r.Destination.ToString() == "10.10.200.10/32").ToString());

        client.Addresses.Delete(new InterfaceAddress("vb", IPAddress.Parse("10.10.100.10"), peer: IPAddress.Parse("10.10.200.10")));

        Assert.DoesNotContain(AddressFacts.AllFromOracle(ns.Name), a => a.Local == "10.10.100.10");
        Assert.Empty(RouteFacts.AllFromOracle(ns.Name, RouteTable.Main, "10.10.200.10"));
        Assert.Equal(AddressFacts.AllFromOracle(ns.Name), AddressFacts.AllFrom(client.Addresses.List()));
    }

    [Fact]
    public void Iproute2sAsWeReadIt()
    {
        using var ns = new TestNamespace("addr");
        ns.Ip("link", "add", "va", "type", "veth", "peer", "name", "vb").EnsureSuccess("ip link add");
        ns.Ip("addr", "add", "10.2.0.1/24", "dev", "va").EnsureSuccess("ip addr add");
        ns.Ip("addr", "add", "10.3.0.1/16", "brd", "+", "dev", "va", "label", "va:x").EnsureSuccess("ip addr add label");
        ns.Ip("addr", "add", "10.20.0.1", "peer", "10.20.0.2/31", "dev", "vb").EnsureSuccess("ip addr add peer");
        ns.Ip("addr", "add", "10.40.0.1/8", "dev", "vb", "scope", "host").EnsureSuccess("ip addr add scope");
        using var client = ns.Connect();

        var ours = client.Addresses.List();

        Assert.Equal(AddressFacts.AllFromOracle(ns.Name), AddressFacts.AllFrom(ours));
        var peer = ours.Single(a => a.Address.Equals(IPAddress.Parse("10.20.0.1")));
        Assert.Equal((IPAddress.Parse("10.20.0.2"), (byte)31), (peer.Peer, peer.PrefixLength));
        Assert.Equal(AddressFacts.AllFromOracle(ns.Name, "va"), AddressFacts.AllFrom(client.Addresses.List("va")));
    }
}
