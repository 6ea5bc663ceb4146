using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Errors;

/// <summary>A device or namespace that is not there: named in the message, with where it was looked for and what to do.</summary>
public sealed class MissingObjectErrorTests
{
    [Fact]
    public void MissingDeviceIsNamedWithItsNamespace()
    {
        using var ns = new TestNamespace("err");
        using var client = ns.Connect();
        client.Links.Add(new LinkSpec("va", new VethParameters("vb")));
        var operations = new Action[]
        {
            () => client.Links.SetUp("nope", true),
            () => client.Links.SetMtu("nope", 1400),
            () => client.Links.Rename("nope", "other"),
            () => client.Links.Delete("nope"),
            () => client.Links.SetMaster("va", "nope"),
            () => client.Links.Add(new LinkSpec("vx", new VethParameters("vy")) { Master = "nope" }),
            () => client.Addresses.Add(new AddressSpec("nope", IPAddress.Parse("10.1.0.1"), 24)),
            () => client.Routes.Add(new Route(IPNetwork.Parse("10.9.0.0/24")) { Device = "nope" }),
            () => client.Routes.Delete(new Route(IPNetwork.Parse("10.9.0.0/24")) { Device = "nope" }),
        };

        foreach (var operation in operations)
        {
            var error = NothingLeftBehind.Assert<IpipToolsException>(ns, operation);

            Assert.Equal("LinkNotFound", error.ErrorId);
            Assert.Equal(IpipErrorCategory.ObjectNotFound, error.Category);
            Assert.Equal($"No link named 'nope' in namespace '{ns.Name}'.", error.Message);
        }
    }

    [Fact]
    public void MissingNamespaceIsNamedAndNothingIsCreated()
    {
        using var ns = new TestNamespace("err");
        using var client = ns.Connect();
        client.Links.Add(new LinkSpec("va", new VethParameters("vb")));
        var missing = $"ipt-missing-{Guid.NewGuid():N}"[..20];
        var operations = new Action[]
        {
            () => RtnetlinkClient.Open(missing).Dispose(),
            () => client.Links.MoveTo("va", NetNamespace.Named(missing)),
            () => client.Links.Add(new LinkSpec("vx", new VethParameters("vy", NetNamespace.Named(missing)))),
            () => Ipv4Forwarding.Set(NetNamespace.Named(missing), true),
        };

        foreach (var operation in operations)
        {
            var error = NothingLeftBehind.Assert<IpipToolsException>(ns, operation);

            Assert.Equal("NamespaceNotFound", error.ErrorId);
            Assert.Equal($"Network namespace '{missing}' does not exist (no /run/netns/{missing}).", error.Message);
            Assert.Contains($"ip netns add {missing}", error.RecommendedAction);
            Assert.False(File.Exists(Path.Combine(NetNamespaceStore.Directory, missing)));
        }

        // Removing it is the one case where "create it first" would be wrong advice.
        var removal = NothingLeftBehind.Assert<IpipToolsException>(ns, () => NetNamespaceStore.Delete(missing));
        Assert.Equal("NamespaceNotFound", removal.ErrorId);
        Assert.Equal($"Network namespace '{missing}' does not exist (no /run/netns/{missing}), so there is nothing to remove.", removal.Message);
        Assert.DoesNotContain("ip netns add", removal.RecommendedAction);
        Assert.False(File.Exists(Path.Combine(NetNamespaceStore.Directory, missing)));

        Assert.NotNull(IpOracle.Link(ns.Name, "va"));
    }
}
