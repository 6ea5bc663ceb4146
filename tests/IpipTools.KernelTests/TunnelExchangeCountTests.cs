using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.KernelTests;

/// <summary>
/// New-IpipTunnel followed by Add-TunnelPeerAddress, counted on the socket: as many kernel
/// exchanges as iproute2 needs for the same work (a 6.1 kernel does not echo RTM_NEWLINK,
/// so the new tunnel is read by name once; it does echo RTM_NEWADDR).
/// </summary>
public sealed class TunnelExchangeCountTests
{
    [Fact]
    public void ATunnelWithAPeerAddressTakesFourExchanges()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("xchg");
        var (connection, recorder) = RecordingNetlinkTransport.Open(ns.Namespace);
        using var client = new RtnetlinkClient(connection, ns.Namespace);

        var before = recorder.Sent.Count;
        var tunnel = client.Tunnels.Create(Link.Of("tun1", new IpipParameters { Local = IPAddress.Parse("10.10.10.2"), Remote = IPAddress.Parse("10.10.20.2") }) with { IsUp = true });
        var tunnelExchanges = recorder.Sent.Count - before;
        before = recorder.Sent.Count;
        var address = client.Addresses.Add(new InterfaceAddress("tun1", IPAddress.Parse("10.10.100.10"), peer: IPAddress.Parse("10.10.200.10")));
        var addressExchanges = recorder.Sent.Count - before;

        Assert.Equal((2, 2), (tunnelExchanges, addressExchanges));
        Assert.Equal(TunnelFacts.From(tunnel), TunnelFacts.From(client.Tunnels.Get("tun1")));
        Assert.Equal(Assert.Single(client.Addresses.List("tun1"), a => a.Address.Equals(address.Address)), address);
    }

    [Fact]
    public void ATunnelWithIpipToolsMarkTakesTwoExchanges()
    {
        // What New-IpipTunnel does: the kernel ignores an alias in a creation request, so the
        // mark is a change of its own, by name, sent after the creation succeeded (sent with
        // it, it would mark a tunnel of the same name someone else made when the creation
        // fails), together with the read-back.
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("xchg");
        var (connection, recorder) = RecordingNetlinkTransport.Open(ns.Namespace);
        using var client = new RtnetlinkClient(connection, ns.Namespace);

        var before = recorder.Sent.Count;
        var tunnel = client.Tunnels.Create(Link.Of("tun1", new IpipParameters { Local = IPAddress.Parse("10.10.10.2"), Remote = IPAddress.Parse("10.10.20.2") })
            with { IsUp = true, Alias = Ownership.LinkAlias });

        Assert.Equal(2, recorder.Sent.Count - before);
        Assert.Equal(Ownership.LinkAlias, tunnel.Link.Alias);
        Assert.Equal(Ownership.LinkAlias, IpOracle.Link(ns.Name, "tun1")!.Value.GetProperty("ifalias").GetString());
    }
}
