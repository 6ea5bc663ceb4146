using IpipTools.Core.Rtnl;
using System.Diagnostics;
using IpipTools.Core.DesiredState;
using IpipTools.Core.DesiredState.Apply;
using IpipTools.Core.DesiredState.Steps;

namespace IpipTools.KernelTests;

/// <summary>
/// S6 converged by the desired-state engine from the shipped data file
/// (examples/S6-calico-mesh.psd1, as JSON): iproute2 shows the mesh, A reaches B's and C's bridges
/// through tunl0 (their captures see A's tunl0 address as the inner source), and a second
/// convergence sends nothing.
/// </summary>
public sealed class DesiredStateS6Tests
{
    [Fact]
    public void S6ConvergesFromItsDataFileAndAReachesBAndCThroughTunl0()
    {
        KernelTestEnvironment.RequireKernel();
        using var lab = new TopologyLab("s6ds", "underlay", "node-a", "node-b", "node-c");
        var desired = lab.Example("S6-calico-mesh.json");
        using var clients = new ClientPool();

        var clock = Stopwatch.StartNew();
        var result = TopologyEngine.Set(desired, clients);
        clock.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"S6 from the data file: {result} (wall {clock.ElapsedMilliseconds} ms)");

        var a = lab["node-a"];
        var tunl0 = IpOracle.Link(a, "tunl0")!.Value;
        Assert.Contains("UP", tunl0.Strings("flags"));
        var addresses = IpOracle.Addresses(a, "tunl0")[0].GetProperty("addr_info").EnumerateArray().Where(i => i.String("family") == "inet").ToList();
        Assert.Equal("10.42.1.0", Assert.Single(addresses).String("local"));
        var routes = IpOracle.Routes(a, "dev", "tunl0", "proto", "73").EnumerateArray().ToList();
        Assert.Equal(new[] { ("10.42.2.0/24", "172.16.165.244"), ("10.42.3.0/24", "172.16.168.113") },
            routes.Select(r => (r.String("dst")!, r.String("gateway")!)).Order());
        Assert.All(routes, r => Assert.Contains("onlink", r.Strings("flags")));

        PcapFile onB, onC;
        using (var captureB = PacketCapture.Start(lab["node-b"], "tunl0", "icmp", 2))
        using (var captureC = PacketCapture.Start(lab["node-c"], "tunl0", "icmp", 2))
        {
            Assert.True(lab.Host("node-a").Ping("10.42.2.1"), "ping 10.42.2.1 from A was not answered");
            Assert.True(lab.Host("node-a").Ping("10.42.3.1"), "ping 10.42.3.1 from A was not answered");
            onB = captureB.Stop(TimeSpan.FromSeconds(5));
            onC = captureC.Stop(TimeSpan.FromSeconds(5));
        }

        CaptureAssertions.AssertInnerEchoOnTunnel(onB, "10.42.1.0", "10.42.2.1");
        CaptureAssertions.AssertInnerEchoOnTunnel(onC, "10.42.1.0", "10.42.3.1");

        var before = clients.ChangeRequestCount;
        Assert.Equal(0, TopologyEngine.Set(desired, clients).StepsApplied);
        Assert.Equal(before, clients.ChangeRequestCount);
    }

    [Fact]
    public void ANodeLeavingTheMeshLosesItsRoutesEverywhereWithoutPrune()
    {
        KernelTestEnvironment.RequireKernel();
        using var lab = new TopologyLab("s6ds", "underlay", "node-a", "node-b", "node-c");
        var desired = lab.Example("S6-calico-mesh.json");
        using var clients = new ClientPool();
        TopologyEngine.Set(desired, clients);
        lab.Host("node-a").Ip("route", "add", "10.50.0.0/16", "via", "172.16.165.62").EnsureSuccess("ip route add");

        // C leaves: A and B drop their routes to C's block (tunl0 is exclusive); A's own route
        // elsewhere, added by hand, stays.
        var withoutC = desired with
        {
            Namespaces = desired.Namespaces.Select(n => n with { Routes = n.Routes.Where(r => r.Destination.ToString() != "10.42.3.0/24").ToList() }).ToList(),
        };
        var plan = TopologyEngine.Plan(withoutC, clients);

        Assert.Equal(new[] { (lab["node-a"], "10.42.3.0/24"), (lab["node-b"], "10.42.3.0/24") }.Order(),
            plan.Steps.Select(s => (s.Namespace, ((RouteStep)s).Route.Destination.ToString())).Order());
        Assert.All(plan.Steps, s => Assert.Equal(PlanAction.Remove, s.Action));
        TopologyEngine.Apply(plan, clients);
        Assert.Equal(0, IpOracle.Routes(lab["node-a"], "10.42.3.0/24").GetArrayLength());
        Assert.Equal(1, IpOracle.Routes(lab["node-a"], "10.50.0.0/16").GetArrayLength());
    }
}
