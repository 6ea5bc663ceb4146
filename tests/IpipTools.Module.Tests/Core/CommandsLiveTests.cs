using System.Net;
using IpipTools.Core.Commands;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
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
        var link = clientA.Links.AddVethPair(Link.Of("va", new VethParameters("vb", b.Namespace)) with { IsUp = true }, clientB.Links);
        Assert.Equal("veth", link.Kind);
        Assert.Equal(a.Name, link.Namespace);
        var end = Assert.Single(clientA.Links.WithVethPeers(clientA.Links.List().Where(l => l.Kind == "veth").ToList(), RtnetlinkClient.Open));
        Assert.Equal(("va", "vb", b.Name), (end.Name, ((VethParameters)end.KindParameters!).PeerName, ((VethParameters)end.KindParameters!).PeerNamespace?.Name));
        Assert.True(clientB.Links.Get("vb").IsUp);

        var spec = AddressCommands.Spec("va", IPAddress.Parse("10.10.100.10"), null, IPAddress.Parse("10.10.200.10"));
        var address = AddressCommands.Add(a.Namespace, spec);
        Assert.Equal(IPAddress.Parse("10.10.200.10"), address.Peer);
        Assert.Equal(a.Name, address.Namespace);
        Assert.Single(AddressCommands.Get(a.Namespace, "va", peerOnly: true));
        Assert.Single(IpOracle.Routes(a.Name, "10.10.200.10").EnumerateArray());

        var route = OnlinkRouteCommands.Add(a.Namespace, new OnlinkRouteRequest(IPNetwork.Parse("10.42.2.0/24"), "va") { Gateway = IPAddress.Parse("172.16.165.244") });
        Assert.True(route.OnLink);
        Assert.Equal("va", route.Device);
        Assert.Contains("onlink", IpOracle.Routes(a.Name, "10.42.2.0/24")[0].Strings("flags"));
        Assert.Single(OnlinkRouteCommands.Get(a.Namespace, "va"));

        OnlinkRouteCommands.Remove(a.Namespace, OnlinkRouteCommands.RemovalSpec(route.Destination, route.Gateway, route.Device, (uint)route.Table));
        Assert.Empty(OnlinkRouteCommands.Get(a.Namespace, "va"));
        AddressCommands.Remove(a.Namespace, AddressCommands.Spec(address.Name, address.Address, address.PrefixLength, address.Peer));
        Assert.Empty(AddressCommands.Get(a.Namespace, "va", peerOnly: true));

        clientA.Links.Delete("va");
        Assert.Null(clientB.Links.Find("vb"));
    }

    [Fact]
    public void GatewayCheckedRouteIsNotOnlink()
    {
        using var a = new TestNamespace();
        using (var client = RtnetlinkClient.Open(a.Namespace))
        {
            client.Links.AddVethPair(Link.Of("va", new VethParameters("vb")) with { IsUp = true }, client.Links);
        }

        AddressCommands.Add(a.Namespace, AddressCommands.Spec("va", IPAddress.Parse("10.10.10.2"), 24, null));
        var route = OnlinkRouteCommands.Add(a.Namespace, new OnlinkRouteRequest(IPNetwork.Parse("10.10.20.0/24"), "va") { Gateway = IPAddress.Parse("10.10.10.1"), CheckGateway = true });
        Assert.False(route.OnLink);
        Assert.Single(OnlinkRouteCommands.Get(a.Namespace, all: true, destination: IPNetwork.Parse("10.10.20.0/24")));
        Assert.Empty(OnlinkRouteCommands.Get(a.Namespace));
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
        using var client = RtnetlinkClient.Open(a.Namespace);
        var e = Assert.ThrowsAny<IpipToolsException>(() => client.Tunnels.Create(Link.Of("tunl", new IpipParameters { Remote = IPAddress.Parse("10.10.20.2") })));
        var report = ErrorReport.From(e);
        Assert.Equal(nameof(IpipErrorCategory.NotInstalled), report.CategoryName);
        Assert.Equal("KernelLacksLinkKind", report.ErrorId);
        Assert.Contains("modprobe ipip", report.RecommendedAction);
        Assert.Empty(client.Tunnels.List());
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
