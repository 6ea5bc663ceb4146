using System.Net;
using System.Text.RegularExpressions;
using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using Xunit;

namespace IpipTools.Core.Tests.Golden;

/// <summary>
/// The stored kernel captures decode to the topology <see cref="KernelCapture"/>
/// built: real bytes, typed readers, known answers.
/// </summary>
public sealed class KernelCaptureDecodeTests
{
    [Fact]
    public void VethLinkDecodes()
    {
        var link = LinkReader.Read(Links(KernelCapture.VethLink).Single(), null);

        Assert.Equal("va", link.Name);
        Assert.Equal("veth", link.Kind);
        Assert.Equal(1400, link.Mtu);
        Assert.True(link.IsUp);
        Assert.Equal(DeviceType.Ether, link.DeviceType);
        Assert.Matches(new Regex("^([0-9a-f]{2}:){5}[0-9a-f]{2}$"), link.HardwareAddress);
        Assert.NotEqual(0, link.LinkedIndex);
    }

    [Fact]
    public void LinkDumpDecodesToLoopbackAndBothVethEnds()
    {
        var links = Links(KernelCapture.LinkDump).Select(m => LinkReader.Read(m, null)).ToDictionary(l => l.Name);

        Assert.Equal(new[] { "lo", "va", "vb" }, links.Keys.Order());
        Assert.Equal(DeviceType.Loopback, links["lo"].DeviceType);
        Assert.Equal(links["vb"].Index, links["va"].LinkedIndex);
        Assert.Equal(links["va"].Index, links["vb"].LinkedIndex);
        Assert.All(NetlinkMessage.ParseAll(GoldenFiles.Read(KernelCapture.LinkDump)), m => Assert.True(m.Flags.HasFlag(NetlinkFlags.Multi)));
    }

    [Fact]
    public void AddressDumpDecodesBothAddresses()
    {
        var addresses = Messages(KernelCapture.AddressDump, RtnlMessageType.NewAddress)
            .Select(m => AddressReader.Read(AddressMessage.Parse(m), _ => null, null).ToString())
            .Order();

        Assert.Equal(new[] { "10.1.0.1/24", "10.10.100.10 peer 10.10.200.10/32" }, addresses);
    }

    [Fact]
    public void RouteDumpDecodesTheOnlinkRouteAndTheKernelRoutes()
    {
        var routes = Messages(KernelCapture.RouteDump, RtnlMessageType.NewRoute)
            .Select(m => RouteReader.Read(m, _ => "dev", null))
            .ToDictionary(r => r.Destination.ToString());

        var onlink = routes["10.9.0.0/24"];
        Assert.Equal(IPAddress.Parse("192.0.2.1"), onlink.Gateway);
        Assert.True(onlink.OnLink);
        Assert.Equal((RouteProtocol.IpipTools, 100u, 1400), (onlink.Protocol, onlink.Metric, onlink.Mtu));
        var connected = routes["10.1.0.0/24"];
        Assert.Equal((RouteProtocol.Kernel, RouteScope.Link), (connected.Protocol, connected.Scope));
        Assert.Equal(IPAddress.Parse("10.1.0.1"), connected.PreferredSource);
        Assert.Equal(IPAddress.Parse("10.10.100.10"), routes["10.10.200.10/32"].PreferredSource);
        Assert.Equal(3, routes.Count);
    }

    [Fact]
    public void AckDecodes()
    {
        var message = NetlinkMessage.ParseAll(GoldenFiles.Read(KernelCapture.Ack)).Single();
        var ack = NetlinkError.Parse(message);

        Assert.True(ack.IsAck);
        Assert.Equal(NetlinkFlags.Capped, message.Flags);
        Assert.Equal(message.Sequence, ack.Request.Sequence);
        Assert.Equal(NetlinkFlags.Request | NetlinkFlags.Ack, ack.Request.Flags);
    }

    [Fact]
    public void InvalidGatewayErrorCarriesTheKernelsText()
    {
        var error = NetlinkError.Parse(NetlinkMessage.ParseAll(GoldenFiles.Read(KernelCapture.InvalidGatewayError)).Single());

        Assert.Equal(Errno.EINVAL, error.Errno);
        Assert.Equal("Nexthop has invalid gateway", error.KernelMessage);
        Assert.Equal((ushort)RtnlMessageType.NewRoute, error.Request.Type);
    }

    [Fact]
    public void BadAttributeErrorPointsAtTheGateway()
    {
        var error = NetlinkError.Parse(NetlinkMessage.ParseAll(GoldenFiles.Read(KernelCapture.BadAttributeError)).Single());

        Assert.Equal(Errno.ERANGE, error.Errno);
        Assert.Equal("Attribute failed policy validation", error.KernelMessage);
        Assert.Equal(KernelCapture.BadGatewayOffset, error.AttributeOffset);
        Assert.True(error.ExtendedAck!.Contains(4), "NLMSGERR_ATTR_POLICY, which has no typed property, is kept");
    }

    private static IEnumerable<LinkMessage> Links(string file) =>
        Messages(file, RtnlMessageType.NewLink).Select(LinkMessage.Parse);

    private static IEnumerable<NetlinkMessage> Messages(string file, ushort type) =>
        NetlinkMessage.ParseAll(GoldenFiles.Read(file)).Where(m => m.Type == type);
}
