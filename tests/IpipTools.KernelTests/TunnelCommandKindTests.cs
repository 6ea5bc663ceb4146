using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Errors;

namespace IpipTools.KernelTests;

/// <summary>
/// What Set-IpipTunnel asks of the core (a change of an ipip tunnel's parameters), checked
/// with iproute2: a tunnel of another kind is refused in words, not with a C# type name, and
/// left as it was. (That New-IpipTunnel marks its tunnels is checked in Tunnels.Tests.ps1.)
/// </summary>
public sealed class TunnelCommandKindTests
{
    [Fact]
    public void SettingAGreTunnelIsRefusedInWordsAndChangesNothing()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("kind");
        using var client = ns.Connect();
        client.Tunnels.Create(Link.Of("g1", new GreParameters { Local = IPAddress.Parse("10.1.1.1"), Remote = IPAddress.Parse("10.2.2.2") }));

        var error = Assert.Throws<IpipToolsException>(() => client.Tunnels.Modify<IpipParameters>("g1", p => p with { Ttl = 32 }));

        Assert.Equal("TunnelKindMismatch", error.ErrorId);
        Assert.Contains("is a gre tunnel", error.Message);
        Assert.DoesNotContain("Parameters", error.Message);
        Assert.Contains("Set-IpTunnel g1", error.RecommendedAction);
        Assert.NotEqual(32, IpOracle.Link(ns.Name, "g1")!.Value.GetProperty("linkinfo").GetProperty("info_data").TryGetProperty("ttl", out var ttl) ? ttl.GetInt32() : 0);
    }
}
