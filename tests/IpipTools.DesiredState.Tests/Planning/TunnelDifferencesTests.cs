using IpipTools.Core.Rtnl.Kinds;
using Xunit;
using static IpipTools.DesiredState.Tests.Planning.States;
using IpipTools.Core.DesiredState.Kinds;

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
        var was = Tunnel("t", 3, new IpipParameters { Local = Ip("10.0.0.1"), Ttl = 64 });
        var wantParameters = new GreParameters
        {
            Remote = Ip("10.0.0.2"), Tos = 16, PathMtuDiscovery = false, CollectMetadata = true, FirewallMark = 5, InputKey = 7,
        };
        var want = Tunnel("t", 3, wantParameters, underlay: "v");

        Assert.Equal(
            new[]
            {
                "mode ipip → gre", "local 10.0.0.1 → any", "remote any → 10.0.0.2", "ttl 64 → inherit", "tos 0 → 16",
                "pmtudisc → nopmtudisc", "dev none → v", "external (collect_metadata) on", "fwmark 0 → 5", "InputKey none → 7",
            },
            TunnelSettings.Differences(want, was));
        Assert.Equal(
            new[] { "ttl inherit → 64", "nopmtudisc → pmtudisc" },
            TunnelSettings.Differences(Tunnel("t", 3, wantParameters with { Ttl = 64, PathMtuDiscovery = true }, underlay: "v"), want));
    }

    [Fact]
    public void EqualSettingsDifferInNothing() =>
        Assert.Empty(TunnelSettings.Differences(
            Tunnel("t", 3, new IpipParameters { Local = Ip("10.0.0.1"), Tos = 1, FirewallMark = 9 }),
            Tunnel("t", 3, new IpipParameters { Local = Ip("10.0.0.1"), Tos = 1, FirewallMark = 9 })));
}
