using IpipTools.Core.Rtnl;
using IpipTools.Core.DesiredState;
using IpipTools.TestSupport;
using Xunit;
using IpipTools.Core.DesiredState.Planning;

namespace IpipTools.DesiredState.Tests.Live;

/// <summary>
/// The underlays of S1 and S6 (everything but the tunnels, which this kernel cannot make)
/// converged from the shipped data files into throwaway namespaces, checked with iproute2
/// and by ping. The whole scenarios run in the qemu guest (tests/IpipTools.KernelTests).
/// </summary>
public sealed class ExampleHostTests
{
    [Fact]
    public void S1UnderlayConvergesFromTheDataFileAndRoutesBetweenTheNamespaces()
    {
        using var lab = new TopologyLab();
        var desired = lab.Map(Examples.WithoutTunnels(Examples.Load(Examples.S1)));
        using var clients = new ClientPool();

        var result = TopologyEngine.Set(desired, clients);

        Assert.True(result.StepsApplied > 0);
        var root = lab[""];
        var ns1 = lab["ns1"];
        var v1 = IpOracle.Link(ns1, "v1");
        Assert.NotNull(v1);
        Assert.Equal("veth", v1.Value.InfoKind());
        Assert.Equal("ipiptools:managed", v1.Value.String("ifalias"));
        Assert.Contains("UP", v1.Value.Strings("flags"));
        Assert.Equal("ipiptools:managed", IpOracle.Link(root, "v1-P")!.Value.String("ifalias"));
        Assert.Equal("1", ReadForwarding(root));
        var route = IpOracle.Routes(ns1, "10.10.20.0/24");
        Assert.Equal(1, route.GetArrayLength());
        Assert.Equal("10.10.10.1", route[0].String("gateway"));
        Assert.Equal("73", route[0].String("protocol"));

        // The router forwards between the two namespaces: ns1 reaches ns2's address.
        var ping = Command.Run("ip", new[] { "netns", "exec", ns1, Command.Tool("ping"), "-c", "1", "-W", "3", "10.10.20.2" }, TimeSpan.FromSeconds(20));
        Assert.True(ping.ExitCode == 0, ping.Output + ping.Error);
    }

    [Fact]
    public void ASecondSetOnConvergedStateSendsNoChangeRequest()
    {
        using var lab = new TopologyLab();
        var desired = lab.Map(Examples.WithoutTunnels(Examples.Load(Examples.S1)));
        using (var first = new ClientPool())
        {
            TopologyEngine.Set(desired, first);
        }

        using var clients = new ClientPool();
        var plan = TopologyEngine.Plan(desired, clients);
        var result = TopologyEngine.Set(desired, clients);

        Assert.True(plan.IsConverged, plan.ToString());
        Assert.Equal(0, result.StepsApplied);
        Assert.Equal(0, clients.ChangeRequestCount);
        Assert.True(TopologyEngine.Test(desired, clients));
    }

    [Fact]
    public void S6UnderlayConvergesFromTheDataFileAndTheNodesReachEachOtherThroughTheRouter()
    {
        using var lab = new TopologyLab();
        var desired = lab.Map(Examples.WithoutTunnels(Examples.Load(Examples.S6)));
        using var clients = new ClientPool();

        TopologyEngine.Set(desired, clients);

        Assert.True(TopologyEngine.Test(desired, clients, new PlanOptions { Prune = true }));
        Assert.Equal("172.16.165.62", IpOracle.Routes(lab["node-a"], "default")[0].String("gateway"));
        Assert.Contains("UP", IpOracle.Link(lab["node-b"], "lo")!.Value.Strings("flags"));
        foreach (var (from, to) in new[] { ("node-a", "172.16.165.244"), ("node-a", "172.16.168.113"), ("node-c", "172.16.165.33") })
        {
            var ping = Command.Run("ip", new[] { "netns", "exec", lab[from], Command.Tool("ping"), "-c", "1", "-W", "3", to }, TimeSpan.FromSeconds(20));
            Assert.True(ping.ExitCode == 0, $"{from} -> {to}: {ping.Output}{ping.Error}");
        }
    }

    private static string ReadForwarding(string netns) =>
        Command.Run("ip", "netns", "exec", netns, "cat", "/proc/sys/net/ipv4/ip_forward").EnsureSuccess("read ip_forward").Output.Trim();
}
