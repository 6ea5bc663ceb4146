using IpipTools.Core.Commands;
using IpipTools.Core.DesiredState;
using IpipTools.Core.Errors;

namespace IpipTools.KernelTests;

/// <summary>
/// What Set-IpipTunnel and New-IpipTunnel do through their core operations
/// (TunnelCommands), checked with iproute2: a tunnel of another kind is refused in words,
/// not with a C# type name, and left as it was; a new tunnel carries IpipTools' mark.
/// </summary>
public sealed class TunnelCommandKindTests
{
    [Fact]
    public void SettingAGreTunnelIsRefusedInWordsAndChangesNothing()
    {
        using var ns = KernelNamespace.Create("kind");
        ns.Client.Tunnels.Create(new TunnelSpec("g1", new GreParameters { Local = IPAddress.Parse("10.1.1.1"), Remote = IPAddress.Parse("10.2.2.2") }));

        var error = Assert.Throws<IpipToolsException>(() => TunnelCommands.Set(ns.Namespace.Namespace, new SetTunnelRequest("g1") { Ttl = "32" }));

        Assert.Equal("TunnelKindMismatch", error.ErrorId);
        Assert.Contains("is a gre tunnel", error.Message);
        Assert.DoesNotContain("Parameters", error.Message);
        Assert.Contains("ip tunnel change g1", error.RecommendedAction);
        Assert.NotEqual(32, IpOracle.Link(ns.Name, "g1")!.Value.GetProperty("linkinfo").GetProperty("info_data").TryGetProperty("ttl", out var ttl) ? ttl.GetInt32() : 0);
    }

    [Fact]
    public void NewTunnelCarriesTheIpipToolsMark()
    {
        using var ns = KernelNamespace.Create("mark");
        TunnelCommands.New(ns.Namespace.Namespace, new NewTunnelRequest("t1") { Remote = IPAddress.Parse("10.2.2.2"), Local = IPAddress.Parse("10.1.1.1") });

        Assert.Equal(Ownership.LinkAlias, IpOracle.Link(ns.Name, "t1")!.Value.GetProperty("ifalias").GetString());
    }
}
