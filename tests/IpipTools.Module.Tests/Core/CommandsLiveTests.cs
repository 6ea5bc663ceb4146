using System.Net;
using IpipTools.Core.Commands;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
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
        var link = LinkCommands.NewVeth(a.Namespace, "va", "vb", b.Name, up: true);
        Assert.Equal("veth", link.Kind);
        Assert.Equal(a.Name, link.Namespace);
        Assert.Equal("va", Assert.Single(LinkCommands.GetVeth(a.Namespace)).Name);
        Assert.True(LinkCommands.GetVeth(b.Namespace, "vb").Single().IsUp);

        var spec = AddressCommands.Spec("va", IPAddress.Parse("10.10.100.10"), null, IPAddress.Parse("10.10.200.10"));
        var address = AddressCommands.Add(a.Namespace, spec);
        Assert.Equal(IPAddress.Parse("10.10.200.10"), address.Peer);
        Assert.Equal(a.Name, address.Namespace);
        Assert.Single(AddressCommands.Get(a.Namespace, "va", peerOnly: true));
        Assert.Single(IpOracle.Routes(a.Name, "10.10.200.10").EnumerateArray());

        using var client = RtnetlinkClient.Open(a.Namespace);
        var adds = client.Routes.CreateBatch(RouteChange.Add);
        adds.Queue(new Route(IPNetwork.Parse("10.42.2.0/24")) { Device = "va", Gateway = IPAddress.Parse("172.16.165.244"), OnLink = true });
        var route = Assert.Single(adds.Send()).Made!;
        Assert.True(route.OnLink);
        Assert.Equal("va", route.Device);
        Assert.Contains("onlink", IpOracle.Routes(a.Name, "10.42.2.0/24")[0].Strings("flags"));
        Assert.Single(client.Routes.List(new RouteQuery { Device = "va" }), r => r.OnLink);

        client.Routes.Delete(Route.Removal(route.Destination, route.Gateway, route.Device, route.Table));
        Assert.DoesNotContain(client.Routes.List(new RouteQuery { Device = "va" }), r => r.OnLink);
        AddressCommands.Remove(a.Namespace, AddressCommands.Spec(address.Name, address.Address, address.PrefixLength, address.Peer));
        Assert.Empty(AddressCommands.Get(a.Namespace, "va", peerOnly: true));

        LinkCommands.RemoveVeth(a.Namespace, "va");
        Assert.Empty(LinkCommands.GetVeth(b.Namespace));
    }

    [Fact]
    public void GatewayCheckedRouteIsNotOnlink()
    {
        using var a = new TestNamespace();
        LinkCommands.NewVeth(a.Namespace, "va", "vb", up: true);
        AddressCommands.Add(a.Namespace, AddressCommands.Spec("va", IPAddress.Parse("10.10.10.2"), 24, null));
        using var client = RtnetlinkClient.Open(a.Namespace);
        var adds = client.Routes.CreateBatch(RouteChange.Add);
        adds.Queue(new Route(IPNetwork.Parse("10.10.20.0/24")) { Device = "va", Gateway = IPAddress.Parse("10.10.10.1") });
        var route = Assert.Single(adds.Send()).Made!;
        Assert.False(route.OnLink);
        Assert.Single(client.Routes.List(), r => r.Destination.Equals(IPNetwork.Parse("10.10.20.0/24")));
        Assert.DoesNotContain(client.Routes.List(), r => r.OnLink);
    }

    [Fact]
    public void RemovingAVethThatIsNotOneIsRefused()
    {
        using var a = new TestNamespace();
        var e = Assert.Throws<IpipToolsException>(() => LinkCommands.RemoveVeth(a.Namespace, "lo"));
        Assert.Equal("LinkKindMismatch", e.ErrorId);
    }

    [Fact]
    public void ForwardingIsPerNamespace()
    {
        using var a = new TestNamespace();
        Assert.False(ForwardingCommands.Get(a.Namespace).Enabled);
        Assert.True(ForwardingCommands.Set(a.Namespace, true).Enabled);
        Assert.Equal("1", a.Exec("cat", "/proc/sys/net/ipv4/ip_forward").Output.Trim());
        Assert.False(ForwardingCommands.Set(a.Namespace, false).Enabled);
        Assert.Equal(a.Name, ForwardingCommands.Get(a.Namespace).Namespace);
    }

    [Fact]
    public void NamespacesAreCreatedListedAndRemoved()
    {
        var name = $"ipt-m-{Guid.NewGuid().ToString("N")[..6]}";
        var created = NamespaceCommands.New(name);
        try
        {
            Assert.Equal(name, Assert.Single(NamespaceCommands.Get(name)).Name);
            Assert.Contains(NamespaceCommands.Get("ipt-m-*"), n => n.Name == name);
            Assert.Contains(name, Command.Ip(null, "netns", "list").Output);
        }
        finally
        {
            NamespaceCommands.Remove(created.Name!);
        }

        Assert.Equal("NamespaceNotFound", Assert.Throws<IpipToolsException>(() => NamespaceCommands.Get(name)).ErrorId);
    }

    [Fact]
    public void TunnelsWithoutIpipInTheKernelAreNotInstalled()
    {
        if (Directory.Exists("/sys/module/ipip"))
        {
            return; // this kernel has ipip: the kernel tests cover tunnels
        }

        using var a = new TestNamespace();
        var e = Assert.ThrowsAny<IpipToolsException>(() => TunnelCommands.New(a.Namespace, new NewTunnelRequest("tunl") { Remote = IPAddress.Parse("10.10.20.2") }));
        var report = ErrorReport.From(e);
        Assert.Equal(nameof(IpipErrorCategory.NotInstalled), report.CategoryName);
        Assert.Equal("KernelLacksLinkKind", report.ErrorId);
        Assert.Contains("modprobe ipip", report.RecommendedAction);
        Assert.Empty(TunnelCommands.Get(a.Namespace));
    }

    [Fact]
    public void CompletionOffersTheNamespacesInterfaces()
    {
        using var a = new TestNamespace();
        Assert.Equal(new[] { "lo" }, Completion.InterfaceNames(new object(), a.Name, "l"));
        Assert.Contains(a.Name, Completion.NamespaceNames(a.Name[..5]));
        Assert.Empty(Completion.InterfaceNames(new object(), "ipt-not-there", ""));
    }
}
