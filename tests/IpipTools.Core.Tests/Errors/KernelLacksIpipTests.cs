using System.Net;
using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Errors;

/// <summary>
/// The host kernel has no ipip driver (PLATFORM.md): creating a tunnel must say
/// so in plain words, with the kernel's own text, say how to get it, and leave nothing.
/// </summary>
public sealed class KernelLacksIpipTests
{
    [Fact]
    public void CreatingATunnelSaysTheKernelLacksIpipAndHowToGetIt()
    {
        using var ns = new TestNamespace("err");
        using var client = ns.Connect();
        var spec = Link.Of("tun1", new IpipParameters { Local = IPAddress.Parse("10.10.10.2"), Remote = IPAddress.Parse("10.10.20.2") }) with { IsUp = true };

        var error = NothingLeftBehind.Assert<NetlinkException>(ns, () => client.Tunnels.Create(spec));

        Assert.Equal("KernelLacksLinkKind", error.ErrorId);
        Assert.Equal(Errno.EOPNOTSUPP, error.ErrorNumber);
        Assert.Contains("this kernel has no 'ipip' link support", error.Message);
        Assert.Contains("Kernel says: \"Unknown device type\"", error.Message);
        Assert.Contains("modprobe ipip", error.RecommendedAction);
        Assert.Contains("CONFIG_NET_IPIP", error.RecommendedAction);
        Assert.Null(client.Links.Find("tun1"));
    }

    /// <summary>
    /// Each tunnel kind is explained with its own module and configuration option, as its
    /// driver declares them: a gre tunnel never sends the reader after CONFIG_NET_IPIP.
    /// The host kernel has none of these kinds (PLATFORM.md).
    /// </summary>
    [Theory]
    [InlineData("ipip", "ipip", "CONFIG_NET_IPIP")]
    [InlineData("gre", "ip_gre", "CONFIG_NET_IPGRE")]
    [InlineData("sit", "sit", "CONFIG_IPV6_SIT")]
    [InlineData("vti", "ip_vti", "CONFIG_NET_IPVTI")]
    public void EachTunnelKindNamesItsOwnModuleAndConfigOption(string kind, string module, string configOption)
    {
        using var ns = new TestNamespace("err");
        using var client = ns.Connect();
        LinkKindParameters parameters = kind switch
        {
            "ipip" => new IpipParameters { Remote = IPAddress.Parse("10.10.20.2") },
            "gre" => new GreParameters { Remote = IPAddress.Parse("10.10.20.2") },
            "sit" => new SitParameters { Remote = IPAddress.Parse("10.10.20.2") },
            _ => new VtiParameters { Remote = IPAddress.Parse("10.10.20.2") },
        };

        var error = NothingLeftBehind.Assert<NetlinkException>(ns, () => client.Tunnels.Create(Link.Of("kt0", parameters)));

        Assert.Equal("KernelLacksLinkKind", error.ErrorId);
        Assert.Contains($"this kernel has no '{kind}' link support (the {module} module", error.Message);
        Assert.Equal($"Load it with 'modprobe {module}', or use a kernel built with {configOption}.", error.RecommendedAction);
    }

    [Fact]
    public void CreatingTheLinkDirectlySaysTheSame()
    {
        using var ns = new TestNamespace("err");
        using var client = ns.Connect();

        var error = NothingLeftBehind.Assert<NetlinkException>(ns, () => client.Links.Add(Link.Of("tun2", new IpipParameters())));

        Assert.Equal("KernelLacksLinkKind", error.ErrorId);
        Assert.StartsWith($"Cannot create ipip link 'tun2' in namespace '{ns.Name}': this kernel has no 'ipip' link support", error.Message);
    }
}
