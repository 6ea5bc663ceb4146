using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Errors;

namespace IpipTools.KernelTests;

/// <summary>
/// The device each tunnel module creates in every namespace (tunl0, gre0, sit0, ip_vti0): found,
/// reported as the fallback, protected, and the reason a tunnel with no parameters fails.
/// </summary>
public sealed class FallbackDeviceTests
{
    public static TheoryData<string, string> Kinds => new()
    {
        { "ipip", "tunl0" },
        { "gre", "gre0" },
        { "sit", "sit0" },
    };

    [Fact]
    public void FallbackDevicesAreFoundAndReportedAsFallback()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("fb");
        using var client = ns.Connect();

        var tunnels = client.Tunnels.List();
        var oracle = IpOracle.Links(ns.Name).EnumerateArray().ToDictionary(l => l.String("ifname")!);

        foreach (var (kind, name) in new[] { ("ipip", "tunl0"), ("gre", "gre0"), ("sit", "sit0") })
        {
            var fallback = Assert.Single(tunnels, t => t.Name == name);
            Assert.Equal(kind, fallback.Kind);
            Assert.True(fallback.IsFallback, $"{name} is not reported as the fallback device");
            Assert.Null(fallback.Local);
            Assert.Null(fallback.Remote);
            Assert.False(fallback.IsUp);
            Assert.Equal(TunnelFacts.FromOracle(oracle[name]), TunnelFacts.From(fallback));
        }

        Assert.True(client.Tunnels.Get("tunl0").IsFallback);
        Assert.DoesNotContain(tunnels, t => t.IsFallback && t.Name is not ("tunl0" or "gre0" or "sit0" or "ip_vti0"));
        var vti = Assert.Single(tunnels, t => t.Name == "ip_vti0");
        Assert.True(vti.IsFallback, "ip_vti0 is not reported as the fallback device");
        Assert.Equal("vti", oracle["ip_vti0"].InfoKind());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TunnelWithNoParametersFailsBecauseTheFallbackHoldsTheEmptySet(string kind, string fallback)
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("fb");
        using var client = ns.Connect();
        var before = NamespaceSnapshot.Of(ns.Name);
        LinkKindParameters empty = kind switch
        {
            "ipip" => new IpipParameters(),
            "gre" => new GreParameters(),
            _ => new SitParameters(),
        };

        var error = Assert.Throws<NetlinkException>(() => client.Tunnels.Create(Link.Of("nothing0", empty)));

        ExpectedErrors.AssertEmptyParameterSetTaken(error, fallback);
        Assert.Equal(before, NamespaceSnapshot.Of(ns.Name));
    }

    [Fact]
    public void DeletingTunl0IsRefusedWithAClearError()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("fb");
        using var client = ns.Connect();

        var error = Assert.Throws<IpipToolsException>(() => client.Tunnels.Delete("tunl0"));

        Assert.Equal("FallbackTunnelImmutable", error.ErrorId);
        Assert.Contains("'tunl0' is the fallback device", error.Message);
        Assert.Contains("cannot be deleted", error.Message);
        Assert.NotNull(IpOracle.Link(ns.Name, "tunl0"));
    }
}
