using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.Rtnl;
using IpipTools.TestSupport;

namespace IpipTools.Module.Tests.Core;

/// <summary>
/// The operations behind the cmdlets, on the host kernel in throwaway namespaces, with
/// iproute2 as the oracle. Tunnels themselves need a kernel with ipip (the qemu
/// tests); here their absence must be reported as NotInstalled.
/// </summary>
public sealed class CommandsLiveTests
{
    [Fact]
    public void VethPairAcrossNamespacesAddressesAndOnlinkRoutes()
    {
        using var a = new TestNamespace();
        using var b = new TestNamespace();
        using var clientA = RtnetlinkClient.Open(a.Namespace);
        using var clientB = RtnetlinkClient.Open(b.Namespace);
        var link = clientA.Links.Add(Link.Of("va", new VethParameters("vb", b.Namespace) { PeerIsUp = true }) with { IsUp = true }, clientFor: _ => clientB);
        Assert.Equal("veth", link.Kind);
        Assert.Equal(a.Name, link.Namespace);
        var end = Assert.Single(clientA.Links.WithVethPeers(clientA.Links.List().Where(l => l.Kind == "veth").ToList(), RtnetlinkClient.Open));
        Assert.Equal(("va", "vb", b.Name), (end.Name, ((VethParameters)end.KindParameters!).PeerName, ((VethParameters)end.KindParameters!).PeerNamespace?.Name));
        Assert.True(clientB.Links.Get("vb").IsUp);

        var client = clientA;
        var address = client.Addresses.Add(new InterfaceAddress("va", IPAddress.Parse("10.10.100.10"), peer: IPAddress.Parse("10.10.200.10")));
        Assert.Equal(IPAddress.Parse("10.10.200.10"), address.Peer);
        Assert.Equal(a.Name, address.Namespace);
        Assert.Single(client.Addresses.List("va"), x => x.Peer is not null);
        Assert.Single(IpOracle.Routes(a.Name, "10.10.200.10").EnumerateArray());

        var adds = client.Routes.CreateBatch(RouteChange.Add);
        adds.Queue(new Route(IPNetwork.Parse("10.42.2.0/24")) { Device = "va", Gateway = IPAddress.Parse("172.16.165.244"), OnLink = true });
        var route = Assert.Single(adds.Send()).Made!;
        Assert.True(route.OnLink);
        Assert.Equal("va", route.Device);
        Assert.Contains("onlink", IpOracle.Routes(a.Name, "10.42.2.0/24")[0].Strings("flags"));
        Assert.Single(client.Routes.List(new RouteQuery { Device = "va" }), r => r.OnLink);

        client.Routes.Delete(Route.Removal(route.Destination, route.Gateway, route.Device, route.Table));
        Assert.DoesNotContain(client.Routes.List(new RouteQuery { Device = "va" }), r => r.OnLink);
        client.Addresses.Delete(address);
        Assert.DoesNotContain(client.Addresses.List("va"), x => x.Peer is not null);

        clientA.Links.Delete("va");
        Assert.Null(clientB.Links.Find("vb"));
    }

    [Fact]
    public void GatewayCheckedRouteIsNotOnlink()
    {
        using var a = new TestNamespace();
        using var client = RtnetlinkClient.Open(a.Namespace);
        client.Links.Add(Link.Of("va", new VethParameters("vb") { PeerIsUp = true }) with { IsUp = true });
        client.Addresses.Add(new InterfaceAddress("va", IPAddress.Parse("10.10.10.2"), 24));
        var adds = client.Routes.CreateBatch(RouteChange.Add);
        adds.Queue(new Route(IPNetwork.Parse("10.10.20.0/24")) { Device = "va", Gateway = IPAddress.Parse("10.10.10.1") });
        var route = Assert.Single(adds.Send()).Made!;
        Assert.False(route.OnLink);
        Assert.Single(client.Routes.List(), r => r.Destination.Equals(IPNetwork.Parse("10.10.20.0/24")));
        Assert.DoesNotContain(client.Routes.List(), r => r.OnLink);
    }

    [Fact]
    public void ARouteWithoutDeviceNamesTheDeviceTheKernelChoseAndARemovalMatchesAnyType()
    {
        using var a = new TestNamespace();
        using var client = RtnetlinkClient.Open(a.Namespace);
        client.Links.Add(Link.Of("va", new VethParameters("vb") { PeerIsUp = true }) with { IsUp = true });
        client.Addresses.Add(new InterfaceAddress("va", IPAddress.Parse("10.10.10.2"), 24));
        var adds = client.Routes.CreateBatch(RouteChange.Add);
        adds.Queue(new Route(IPNetwork.Parse("10.10.20.0/24")) { Gateway = IPAddress.Parse("10.10.10.1") });
        adds.Queue(new Route(IPNetwork.Parse("10.10.30.0/24")) { Type = RouteType.Blackhole });
        var made = adds.Send();
        Assert.Equal("va", made[0].Made!.Device);
        Assert.Equal("va", IpOracle.Routes(a.Name, "10.10.20.0/24")[0].GetProperty("dev").GetString());
        Assert.Equal(RouteType.Blackhole, made[1].Made!.Type);
        Assert.Null(made[1].Made!.Device);

        // ip route del 10.10.30.0/24: no type given matches the blackhole.
        client.Routes.Delete(Route.Removal(IPNetwork.Parse("10.10.30.0/24"), null, null, RouteTable.Main));
        Assert.Equal(0, IpOracle.Routes(a.Name, "10.10.30.0/24").GetArrayLength());
        Assert.Equal("10.10.30.0/24", Route.Removal(IPNetwork.Parse("10.10.30.0/24"), null, null, RouteTable.Main).ToString());
    }

    [Fact]
    public void RemovingAVethThatIsNotOneIsRefused()
    {
        using var a = new TestNamespace();
        using var client = RtnetlinkClient.Open(a.Namespace);
        var e = Assert.Throws<IpipToolsException>(() => client.Links.Get("lo").RequireKind("veth"));
        Assert.Equal("LinkKindMismatch", e.ErrorId);
    }

    [Fact]
    public void ForwardingIsPerNamespace()
    {
        using var a = new TestNamespace();
        Assert.False(Ipv4Forwarding.Read(a.Namespace).Enabled);
        Ipv4Forwarding.Set(a.Namespace, true);
        Assert.True(Ipv4Forwarding.Read(a.Namespace).Enabled);
        Assert.Equal("1", a.Exec("cat", "/proc/sys/net/ipv4/ip_forward").Output.Trim());
        Ipv4Forwarding.Set(a.Namespace, false);
        Assert.Equal("0", a.Exec("cat", "/proc/sys/net/ipv4/ip_forward").Output.Trim());
        Assert.Equal(new ForwardingState(a.Name, false), Ipv4Forwarding.Read(a.Namespace));
    }

    [Fact]
    public void NamespacesAreCreatedListedAndRemoved()
    {
        var name = $"ipt-m-{Guid.NewGuid().ToString("N")[..6]}";
        var created = NetNamespaceStore.Create(name);
        try
        {
            Assert.Equal(name, created.Name);
            Assert.True(NetNamespace.Named(name).Exists());
            Assert.Contains(NetNamespaceStore.List(), n => n.Name == name);
            Assert.Contains(name, Command.Ip(null, "netns", "list").Output);
        }
        finally
        {
            NetNamespaceStore.Delete(created.Name!);
        }

        Assert.Equal("NamespaceNotFound", Assert.Throws<IpipToolsException>(() => NetNamespace.Named(name).MustExist()).ErrorId);
    }

    [Fact]
    public void TunnelsWithoutIpipInTheKernelAreNotInstalled()
    {
        if (Directory.Exists("/sys/module/ipip"))
        {
            return; // this kernel has ipip: the kernel tests cover tunnels
        }

        using var a = new TestNamespace();
        using var client = RtnetlinkClient.Open(a.Namespace);
        var e = Assert.ThrowsAny<IpipToolsException>(() => client.Tunnels.Create(Link.Of("tunl", new IpipParameters { Remote = IPAddress.Parse("10.10.20.2") })));
        var report = ErrorReport.From(e);
        Assert.Equal(nameof(IpipErrorCategory.NotInstalled), report.CategoryName);
        Assert.Equal("KernelLacksLinkKind", report.ErrorId);
        Assert.Contains("modprobe ipip", report.RecommendedAction);
        Assert.Empty(client.Tunnels.List());
    }
}
