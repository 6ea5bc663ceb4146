using IpipTools.Core.Rtnl;
using System.Diagnostics;
using IpipTools.Core.DesiredState;
using IpipTools.TestSupport;
using Xunit;
using IpipTools.Core.DesiredState.Data;
using IpipTools.Core.DesiredState.Mesh;
using IpipTools.Core.DesiredState.Planning;

namespace IpipTools.DesiredState.Tests.Live;

/// <summary>
/// Set-IpipMesh's topology on the host kernel, which has no tunl0: an existing veth stands in
/// for the tunnel device (a mesh on another device only configures it). 199 onlink routes
/// with an MTU, converged from empty and then again with nothing to send; each phase timed.
/// </summary>
public sealed class MeshHostTests
{
    [Fact]
    public void A200NodeMeshViewOnAStandInDeviceConvergesAndThenSendsNothing()
    {
        using var lab = new TopologyLab();
        var node = lab.Create("node");
        Command.Ip(node, "link", "add", "mesh0", "type", "veth", "peer", "name", "mesh0p").EnsureSuccess("ip link add");
        var desired = MeshTopology.Generate(new MeshSpec
        {
            Namespace = node,
            Device = "mesh0",
            Address = "10.60.1.0/32",
            Peers = Enumerable.Range(2, 199).Select(n => new MeshPeer($"10.60.{n}.0/24", $"172.20.0.{n}")).ToList(),
            RouteMtu = 1440,
        });
        using var clients = new ClientPool();

        var first = TopologyEngine.Set(desired, clients);
        Assert.Equal(201, first.ChangeRequests);
        Assert.Equal(199, IpOracle.Routes(node, "dev", "mesh0", "proto", "73").GetArrayLength());

        var read = Stopwatch.StartNew();
        var observed = TopologyEngine.Read(new[] { node }, clients);
        read.Stop();
        var plan = Stopwatch.StartNew();
        var converged = TopologyPlanner.Plan(desired, observed);
        plan.Stop();
        var again = TopologyEngine.Set(desired, clients);

        Assert.True(converged.IsConverged);
        Assert.Equal(0, again.ChangeRequests);
        TestContext.Current.TestOutputHelper?.WriteLine($"first {first}; read {read.ElapsedMilliseconds} ms; plan {plan.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void TheMeshGeneratorRefusesWhatIsNotAMesh()
    {
        Assert.Contains("/32", Assert.Throws<TopologyFormatException>(() => MeshTopology.Generate(new MeshSpec { Address = "10.60.1.0/24" })).Message);
        Assert.Contains("two peers", Assert.Throws<TopologyFormatException>(() => MeshTopology.Generate(new MeshSpec
        {
            Address = "10.60.1.0",
            Peers = new[] { new MeshPeer("10.60.2.0/24", "172.20.0.2"), new MeshPeer("10.60.2.0/24", "172.20.0.3") },
        })).Message);
        Assert.Contains("host bits", Assert.Throws<TopologyFormatException>(() => MeshTopology.Generate(new MeshSpec
        {
            Address = "10.60.1.0",
            Peers = new[] { new MeshPeer("10.60.2.1/24", "172.20.0.2") },
        })).Message);
        Assert.Contains("not an IP address", Assert.Throws<TopologyFormatException>(() => MeshTopology.Generate(new MeshSpec
        {
            Address = "10.60.1.0",
            Peers = new[] { new MeshPeer("10.60.2.0/24", "nowhere") },
        })).Message);
    }
}
