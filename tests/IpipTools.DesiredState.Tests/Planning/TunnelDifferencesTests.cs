using IpipTools.Core.DesiredState;
using Xunit;

namespace IpipTools.DesiredState.Tests.Planning;

/// <summary>
/// How a change of each tunnel setting reads in a plan's Reason, now that the settings are
/// compared from one declared list: the words users see stay those of ip tunnel.
/// </summary>
public sealed class TunnelDifferencesTests
{
    [Fact]
    public void EverySettingThatDiffersReadsInIpTunnelsWordsInDeclarationOrder()
    {
        var was = new TunnelConfig { Local = "10.0.0.1", Ttl = 64 };
        var want = new TunnelConfig
        {
            Mode = "gre", Remote = "10.0.0.2", Tos = 16, PathMtuDiscovery = false, Underlay = "v",
            CollectMetadata = true, FirewallMark = 5, Options = TunnelOptions.None.With("InputKey", 7),
        };

        Assert.Equal(
            new[]
            {
                "mode ipip → gre", "local 10.0.0.1 → any", "remote any → 10.0.0.2", "ttl 64 → inherit", "tos 0 → 16",
                "pmtudisc → nopmtudisc", "dev none → v", "external (collect_metadata) on", "fwmark 0 → 5", "InputKey none → 7",
            },
            want.Differences(was));
        Assert.Equal(new[] { "ttl inherit → 64", "nopmtudisc → pmtudisc" }, (want with { Ttl = 64, PathMtuDiscovery = true }).Differences(want with { Ttl = 0 }));
    }

    [Fact]
    public void EqualSettingsDifferInNothing() =>
        Assert.Empty(new TunnelConfig { Local = "10.0.0.1", Tos = 1, FirewallMark = 9 }.Differences(new TunnelConfig { Local = "10.0.0.1", Tos = 1, FirewallMark = 9 }));
}
