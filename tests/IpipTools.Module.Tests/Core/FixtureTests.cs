using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Core.Errors;
using IpipTools.Core.Diagnostics;
using IpipTools.Core.Fixtures;
using IpipTools.Core.Namespaces;

namespace IpipTools.Module.Tests.Core;

/// <summary>The Pester fixtures' core: they build what they say and leave nothing behind.</summary>
public sealed class FixtureTests
{
    [Fact]
    public void NamespaceFixtureComesWithLoopbackUpAndGoesAway()
    {
        var fixture = NamespaceFixture.Create("iptf");
        Assert.True(NetNamespaceStore.Exists(fixture.Namespace));
        var ping = NamespaceProcess.Run(NetNamespace.Named(fixture.Namespace), "/usr/bin/ping", new[] { "-c", "1", "-W", "2", "127.0.0.1" });
        Assert.Equal(0, ping.ExitCode);
        fixture.Dispose();
        fixture.Dispose();
        Assert.True(fixture.IsRemoved);
        Assert.False(NetNamespaceStore.Exists(fixture.Namespace));
    }

    [Fact]
    public void LabUnderlayRoutesBetweenTheTwoEndsThroughTheRouter()
    {
        using var lab = IpipLabFixture.Create("iptl");
        Assert.False(lab.HasTunnels);
        Assert.All(lab.Namespaces, n => Assert.True(NetNamespaceStore.Exists(n)));
        var ping = NamespaceProcess.Run(NetNamespace.Named(lab.Left), "/usr/bin/ping", new[] { "-c", "1", "-W", "3", lab.RightUnderlay.ToString() });
        Assert.True(ping.ExitCode == 0, string.Join("\n", ping.StandardOutput.Concat(ping.StandardError)));
        lab.Dispose();
        Assert.All(lab.Namespaces, n => Assert.False(NetNamespaceStore.Exists(n)));
    }

    [Fact]
    public void LabWithTunnelsIsBuiltWholeOrLeavesNothingBehind()
    {
        // A prefix of its own: other suites may make namespaces meanwhile.
        var prefix = "iptx" + Guid.NewGuid().ToString("N")[..6];
        if (Directory.Exists("/sys/module/ipip"))
        {
            // A kernel with ipip (the guest): both tunnels, and all of it gone on dispose.
            var lab = IpipLabFixture.Create(prefix, withTunnels: true);
            Assert.True(lab.HasTunnels);
            Assert.Equal(lab.RightUnderlay, lab.LeftHost.Client.Tunnels.Get(lab.LeftTunnel).Remote);
            Assert.Equal(lab.LeftUnderlay, lab.RightHost.Client.Tunnels.Get(lab.RightTunnel).Remote);
            lab.Dispose();
        }
        else
        {
            // Without ipip the tunnels fail, and the underlay already made goes with them.
            Assert.ThrowsAny<Exception>(() => IpipLabFixture.Create(prefix, withTunnels: true));
        }

        Assert.DoesNotContain(NetNamespaceStore.List(), n => n.Name!.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void SupportCheckAnswersEveryCheckWithoutThrowing()
    {
        using var fixture = NamespaceFixture.Create("iptc");
        var checks = IpipSupportCheck.Run(NetNamespace.Named(fixture.Namespace));
        var module = Assert.Single(checks, c => c.Check == "IpipModule");
        Assert.All(checks, c => Assert.Equal(fixture.Namespace, c.Namespace));
        Assert.Contains(checks, c => c.Check == "FallbackDevice");
        Assert.Contains(checks, c => c.Check == "ReversePathFilter");
        if (!Directory.Exists("/sys/module/ipip"))
        {
            Assert.Equal(SupportStatus.Fail, module.Status);
            Assert.Contains("EOPNOTSUPP", module.Detail);
            Assert.Equal(SupportStatus.Skipped, checks.Single(c => c.Check == "FallbackDevice").Status);
        }

        Assert.DoesNotContain(NetNamespaceStore.List(), n => n.Name!.StartsWith("ipt-probe-", StringComparison.Ordinal));
    }

    [Fact]
    public void SupportCheckOfAMissingNamespaceIsNotFoundRatherThanSkippedChecks()
    {
        var missing = $"ipt-missing-{Guid.NewGuid():N}"[..20];
        var error = Assert.Throws<IpipToolsException>(() => IpipSupportCheck.Run(NetNamespace.Named(missing), probe: false));
        Assert.Equal("NamespaceNotFound", error.ErrorId);
        Assert.Equal(IpipErrorCategory.ObjectNotFound, error.Category);
        Assert.Contains(missing, error.Message);
        Assert.False(NetNamespaceStore.Exists(missing));
    }

    [Fact]
    public void MtuAndPmtuChecksJudgeTunnelsAsTheKernelWould()
    {
        static IpTunnel Tunnel(int mtu = 1480, bool pathMtuDiscovery = true, byte ttl = 0) => IpTunnel.FromLink(
            new Link { Name = "tunl", Index = 5, Mtu = mtu, KindParameters = new IpipParameters { PathMtuDiscovery = pathMtuDiscovery, Ttl = ttl } }, _ => null)!;
        var underlay = new Link { Name = "v1", Index = 2, Mtu = 1500 };
        Assert.Equal(SupportStatus.Pass, IpipSupportCheck.Compare(Tunnel(), underlay).Status);
        Assert.Equal(SupportStatus.Warning, IpipSupportCheck.Compare(Tunnel(mtu: 1500), underlay).Status);
        Assert.Equal(SupportStatus.Skipped, IpipSupportCheck.Compare(Tunnel(), null).Status);
        Assert.Equal(SupportStatus.Pass, IpipSupportCheck.CheckPathMtuDiscovery(Tunnel()).Status);
        Assert.Equal(SupportStatus.Warning, IpipSupportCheck.CheckPathMtuDiscovery(Tunnel(pathMtuDiscovery: false)).Status);
        Assert.Equal(SupportStatus.Fail, IpipSupportCheck.CheckPathMtuDiscovery(Tunnel(pathMtuDiscovery: false, ttl: 64)).Status);
    }
}
