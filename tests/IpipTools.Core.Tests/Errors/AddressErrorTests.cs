using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Routes;
using Xunit;

namespace IpipTools.Core.Tests.Errors;

/// <summary>Bad addresses and prefixes, refused before sending; and what the kernel refuses, with its text.</summary>
public sealed class AddressErrorTests
{
    [Theory]
    [InlineData("10.1.0.1", 33, "Prefix length /33 is not valid for 10.1.0.1: it must be between 0 and 32.")]
    [InlineData("2001:db8::1", 129, "Prefix length /129 is not valid for 2001:db8::1: it must be between 0 and 128.")]
    public void PrefixTooLongForTheFamily(string address, byte prefix, string message)
    {
        using var lab = VethNamespace.Create("err", address: null);
        var (ns, client) = (lab.Namespace, lab.Client);

        var error = NothingLeftBehind.Assert<IpipToolsException>(ns, () => client.Addresses.Add(new AddressSpec("va", IPAddress.Parse(address), prefix)));

        Assert.Equal("InvalidPrefixLength", error.ErrorId);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void IPv6PeerOnAnIPv4AddressIsRefused()
    {
        using var lab = VethNamespace.Create("err", address: null);
        var (ns, client) = (lab.Namespace, lab.Client);

        var error = NothingLeftBehind.Assert<IpipToolsException>(ns, () =>
            client.Addresses.Add(new AddressSpec("va", IPAddress.Parse("10.10.100.10"), Peer: IPAddress.Parse("2001:db8::10"))));

        Assert.Equal("AddressFamilyMismatch", error.ErrorId);
        Assert.Equal("address 10.10.100.10 with peer 2001:db8::10: 10.10.100.10 and 2001:db8::10 are of different address families.", error.Message);
    }

    [Fact]
    public void IPv6GatewayForAnIPv4RouteIsRefused()
    {
        using var lab = VethNamespace.Create("err", address: null);
        var (ns, client) = (lab.Namespace, lab.Client);

        var error = NothingLeftBehind.Assert<IpipToolsException>(ns, () =>
            client.Routes.Add(new Route(IPNetwork.Parse("10.9.0.0/24")) { Gateway = IPAddress.Parse("fe80::1"), Device = "va" }));

        Assert.Equal("AddressFamilyMismatch", error.ErrorId);
        Assert.Contains("10.9.0.0 and fe80::1 are of different address families", error.Message);
    }

    [Fact]
    public void AddressAlreadyThereAndAddressNotThereCarryTheKernelsText()
    {
        using var lab = VethNamespace.Create("err", address: null);
        var (ns, client) = (lab.Namespace, lab.Client);
        client.Addresses.Add(new AddressSpec("va", IPAddress.Parse("10.1.0.1"), 24));

        var exists = NothingLeftBehind.Assert<NetlinkException>(ns, () => client.Addresses.Add(new AddressSpec("va", IPAddress.Parse("10.1.0.1"), 24)));
        var missing = NothingLeftBehind.Assert<NetlinkException>(ns, () => client.Addresses.Delete(new AddressSpec("va", IPAddress.Parse("10.1.0.9"), 24)));

        Assert.Equal("AddressExists", exists.ErrorId);
        Assert.Contains("10.1.0.1 is already assigned to va", exists.Message);
        Assert.Equal("ipv4: Address already assigned", exists.KernelMessage);
        Assert.Equal("AddressNotFound", missing.ErrorId);
        Assert.Contains("va has no address 10.1.0.9/24", missing.Message);
        Assert.Equal("ipv4: Address not found", missing.KernelMessage);
    }

    [Theory]
    [InlineData(67)]
    [InlineData(65536)]
    public void MtuOutOfRangeIsRefused(int mtu)
    {
        using var lab = VethNamespace.Create("err", address: null);
        var (ns, client) = (lab.Namespace, lab.Client);

        var link = NothingLeftBehind.Assert<IpipToolsException>(ns, () => client.Links.SetMtu("va", mtu));
        var route = NothingLeftBehind.Assert<IpipToolsException>(ns, () => client.Routes.Add(new Route(IPNetwork.Parse("10.9.0.0/24")) { Device = "va", Mtu = mtu }));

        Assert.Equal("InvalidMtu", link.ErrorId);
        Assert.Contains($"MTU {mtu} is out of range", link.Message);
        Assert.Equal("InvalidMtu", route.ErrorId);
        Assert.Equal($"Route MTU {mtu} is out of range (68 to 65520).", route.Message);
    }

    /// <summary>The kernel keeps a route MTU up to 65520 and silently lowers a larger one to it, so a larger one is refused here.</summary>
    [Fact]
    public void RouteMtuEndsWhereTheKernelStopsKeepingIt()
    {
        using var lab = VethNamespace.Create("err", address: null);
        var (ns, client) = (lab.Namespace, lab.Client);
        var kept = IPNetwork.Parse("10.9.0.0/24");

        client.Routes.Add(new Route(kept) { Device = "va", Mtu = 65520 });
        var error = NothingLeftBehind.Assert<IpipToolsException>(ns, () => client.Routes.Add(new Route(IPNetwork.Parse("10.9.1.0/24")) { Device = "va", Mtu = 65521 }));

        Assert.Equal(65520, client.Routes.List().Single(r => r.Destination.Equals(kept)).Mtu);
        Assert.Equal("InvalidMtu", error.ErrorId);
        Assert.Equal("Route MTU 65521 is out of range (68 to 65520).", error.Message);
    }
}
