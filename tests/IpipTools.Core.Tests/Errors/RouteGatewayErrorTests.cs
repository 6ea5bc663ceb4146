using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Errors;

/// <summary>
/// Next hops the kernel refuses: its extended-ACK text is shown verbatim, with our
/// plain-words reason and what to do; nothing is installed.
/// </summary>
public sealed class RouteGatewayErrorTests
{
    [Fact]
    public void OnlinkOnADeviceThatIsDownInAnEmptyNamespace()
    {
        using var ns = new TestNamespace("err");
        using var client = ns.Connect();

        var error = NothingLeftBehind.Assert<NetlinkException>(ns, () =>
            client.Routes.Add(new Route(IPNetwork.Parse("12.1.1.1/32")) { Gateway = IPAddress.Parse("192.168.122.12"), Device = "lo", OnLink = true }));

        Assert.Equal("RouteDeviceDown", error.ErrorId);
        Assert.Equal(Errno.ENETDOWN, error.ErrorNumber);
        Assert.Equal("Nexthop device is not up", error.KernelMessage);
        Assert.Equal($"Cannot add route 12.1.1.1 via 192.168.122.12 dev lo onlink in namespace '{ns.Name}': the device lo is down, and the kernel refuses an onlink next hop on a device that is down (ENETDOWN). Kernel says: \"Nexthop device is not up\".", error.Message);
        Assert.Contains("Bring lo up first", error.RecommendedAction);
    }

    [Fact]
    public void OnlinkGatewayThatIsNoUnicastAddress()
    {
        using var lab = VethNamespace.Create("err");
        var (ns, client) = (lab.Namespace, lab.Client);

        var local = NothingLeftBehind.Assert<NetlinkException>(ns, () =>
            client.Routes.Add(new Route(IPNetwork.Parse("10.9.0.0/24")) { Gateway = IPAddress.Parse("10.1.0.1"), Device = "va", OnLink = true }));
        var broadcast = NothingLeftBehind.Assert<NetlinkException>(ns, () =>
            client.Routes.Add(new Route(IPNetwork.Parse("10.9.0.0/24")) { Gateway = IPAddress.Parse("255.255.255.255"), Device = "va", OnLink = true }));

        foreach (var error in new[] { local, broadcast })
        {
            Assert.Equal("RouteGatewayRejected", error.ErrorId);
            Assert.Equal("Nexthop has invalid gateway", error.KernelMessage);
            Assert.Contains("is not a usable unicast next hop from va", error.Message);
            Assert.EndsWith("Kernel says: \"Nexthop has invalid gateway\".", error.Message);
        }
    }

    [Fact]
    public void GatewayOutsideTheSubnetWithoutOnlinkSuggestsOnlink()
    {
        using var lab = VethNamespace.Create("err");
        var (ns, client) = (lab.Namespace, lab.Client);

        var error = NothingLeftBehind.Assert<NetlinkException>(ns, () =>
            client.Routes.Add(new Route(IPNetwork.Parse("10.9.0.0/24")) { Gateway = IPAddress.Parse("192.0.2.1"), Device = "va" }));

        Assert.Equal("RouteGatewayRejected", error.ErrorId);
        Assert.Equal("Nexthop has invalid gateway", error.KernelMessage);
        Assert.Contains("the gateway 192.0.2.1 is not on any network of va", error.Message);
        Assert.Contains("make the route onlink", error.RecommendedAction);
    }

    [Fact]
    public void OnlinkWithoutADeviceIsRefusedBeforeSending()
    {
        using var lab = VethNamespace.Create("err");
        var (ns, client) = (lab.Namespace, lab.Client);
        var sent = client.Connection.ChangeRequestCount;

        var error = NothingLeftBehind.Assert<IpipToolsException>(ns, () =>
            client.Routes.Add(new Route(IPNetwork.Parse("10.9.0.0/24")) { Gateway = IPAddress.Parse("192.0.2.1"), OnLink = true }));

        Assert.Equal("OnLinkNeedsDevice", error.ErrorId);
        Assert.Equal(sent, client.Connection.ChangeRequestCount);
    }

    [Fact]
    public void RouteThatExistsAndRouteThatDoesNot()
    {
        using var lab = VethNamespace.Create("err");
        var (ns, client) = (lab.Namespace, lab.Client);
        var route = new Route(IPNetwork.Parse("10.8.0.0/24")) { Device = "va" };
        client.Routes.Add(route);

        var exists = NothingLeftBehind.Assert<NetlinkException>(ns, () => client.Routes.Add(route));
        var missing = NothingLeftBehind.Assert<NetlinkException>(ns, () => client.Routes.Delete(route with { Destination = IPNetwork.Parse("10.7.0.0/24") }));

        Assert.Equal("RouteExists", exists.ErrorId);
        Assert.Contains("a route to 10.8.0.0/24 already exists in table main", exists.Message);
        Assert.Equal("RouteNotFound", missing.ErrorId);
        Assert.Contains("there is no such route to 10.7.0.0/24 in table main", missing.Message);
    }
}
