using System.Net;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

public sealed class VethAddressRouteSmokeTests
{
    [Fact]
    public void VethAcrossNamespacesWithAddressesAndOnlinkRoute()
    {
        using var a = new TestNamespace();
        using var b = new TestNamespace();
        using var client = a.Connect();

        client.Links.Add(new LinkSpec("va", new VethParameters("vb", b.Namespace)) { Up = true });
        using (var clientB = b.Connect())
        {
            clientB.Links.SetUp("vb", true);
        }

        client.Addresses.Add(new AddressSpec("va", IPAddress.Parse("10.1.0.1"), 24));
        client.Routes.Add(new Route(IPNetwork.Parse("10.9.0.0/24")) { Gateway = IPAddress.Parse("192.0.2.1"), Device = "va", OnLink = true });

        var link = IpOracle.Link(a.Name, "va");
        Assert.NotNull(link);
        Assert.Equal("veth", link.Value.InfoKind());
        Assert.NotNull(IpOracle.Link(b.Name, "vb"));

        var routes = IpOracle.Routes(a.Name, "10.9.0.0/24");
        Assert.Equal(1, routes.GetArrayLength());
        Assert.Contains("onlink", routes[0].Strings("flags"));
        Assert.Equal("192.0.2.1", routes[0].String("gateway"));

        var ours = client.Routes.List().Single(r => r.Destination.ToString() == "10.9.0.0/24");
        Assert.True(ours.OnLink);
        Assert.Equal("va", ours.Device);
    }
}
