using IpipTools.Core.DesiredState;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.DesiredState.Tests.Live;

/// <summary>
/// S1's underlay (everything but the tunnels, which this kernel cannot make) converged from
/// the shipped data file into throwaway namespaces, checked with iproute2 and by ping.
/// </summary>
public sealed class ExampleS1HostTests
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

    private static string ReadForwarding(string netns) =>
        Command.Run("ip", "netns", "exec", netns, "cat", "/proc/sys/net/ipv4/ip_forward").EnsureSuccess("read ip_forward").Output.Trim();
}
