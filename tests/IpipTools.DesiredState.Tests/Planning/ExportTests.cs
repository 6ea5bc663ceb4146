using IpipTools.Core.Rtnl.Kinds;
using Xunit;
using static IpipTools.DesiredState.Tests.Planning.States;
using IpipTools.Core.DesiredState.Export;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.DesiredState.Tests.Planning;

/// <summary>
/// An export of a read state, planned against that state, is converged: a veth pair is
/// written once, from the end read first, and the other end's state, MTU and bridge go with it.
/// </summary>
public sealed class ExportTests
{
    /// <summary>rv0 in "a", a port of br0, up, MTU 1500; rv1 in "b", a port of br1, down, MTU 1450.</summary>
    private static readonly NamespaceConfig A = Ns("a", new[] { Bridge("br0", 3), Veth("rv0", 4, 5, master: "br0") });

    private static readonly NamespaceConfig B = Ns("b", new[] { Bridge("br1", 3), Veth("rv1", 5, 4, up: false, master: "br1").With(l => l with { Mtu = 1450 }) });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void APairInTwoNamespacesKeepsBothEndsWhicheverIsReadFirst(bool peerFirst)
    {
        var read = peerFirst ? Read(B, A) : Read(A, B);

        var exported = TopologyExporter.Export(read);

        var (declaredIn, declared) = exported.Namespaces.SelectMany(n => n.Links.Where(l => l.PeerName is not null).Select(l => (n.Name, l))).Single();
        Assert.Equal(peerFirst ? ("b", "rv1") : ("a", "rv0"), (declaredIn, declared.Name));
        Assert.Equal(peerFirst ? "br0" : "br1", declared.PeerMaster);
        AssertConverged(exported, read);
    }

    [Theory]
    [InlineData("rv0")]
    [InlineData("rv1")]
    public void APairInOneNamespaceKeepsTheBridgeOfEitherEnd(string port)
    {
        var read = Read(Ns("a", new[]
        {
            Bridge("br0", 3),
            Veth("rv1", 4, 5, master: port == "rv1" ? "br0" : null),
            Veth("rv0", 5, 4, master: port == "rv0" ? "br0" : null),
        }));

        AssertConverged(TopologyExporter.Export(read), read);
    }

    /// <summary>Converged as exported, and as written out and read back (Get-IpipTopology -AsText, then -Path).</summary>
    private static void AssertConverged(Topology exported, Topology read)
    {
        var plan = TopologyPlanner.Plan(exported, read);
        Assert.True(plan.IsConverged, string.Join("; ", Summary(plan)));
        var again = TopologyLoader.FromJson(TopologyWriter.ToJson(exported), "export.json");
        Assert.True(TopologyPlanner.Plan(again, read).IsConverged);
    }
}
