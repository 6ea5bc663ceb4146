namespace IpipTools.KernelTests;

/// <summary>
/// S6 (docs/SCENARIOS.md): a Calico-style one-to-many mesh. Three nodes on a routed underlay
/// (each its own subnet behind a router namespace), each with a bridge subnet 10.42.N.0/24,
/// tunl0 up with 10.42.N.0/32, and an onlink route via tunl0 to every other node's subnet.
/// </summary>
public sealed class S6CalicoMeshTests
{
    private static readonly (string Role, int Subnet, string Underlay, string RouterSide)[] Nodes =
    {
        ("A", 1, "172.16.165.33/27", "172.16.165.62/27"),
        ("B", 2, "172.16.165.244/28", "172.16.165.254/28"),
        ("C", 3, "172.16.168.113/24", "172.16.168.1/24"),
    };

    [Fact]
    public void NodeAReachesBAndCWhoSeeItsTunl0AddressAsTheInnerSource()
    {
        KernelTestEnvironment.RequireKernel();
        using var lab = new Lab("s6");
        var router = lab.Router("underlay");
        var nodes = Nodes.Select(n => lab.Host(n.Role)).ToList();
        for (var i = 0; i < Nodes.Length; i++)
        {
            var (_, subnet, underlay, routerSide) = Nodes[i];
            lab.Wire(nodes[i], "eth0", underlay, router, $"node{subnet}-p", routerSide);
            nodes[i].AddRoute("0.0.0.0/0", routerSide.Split('/')[0]);
            nodes[i].Client.Links.Add(Link.Of("mybr0", new BridgeParameters()) with { IsUp = true });
            nodes[i].AddAddress("mybr0", $"10.42.{subnet}.1/24");
            nodes[i].SetUp("tunl0");
            nodes[i].AddAddress("tunl0", $"10.42.{subnet}.0/32");
        }

        for (var i = 0; i < Nodes.Length; i++)
        {
            for (var j = 0; j < Nodes.Length; j++)
            {
                if (i != j)
                {
                    nodes[i].AddRoute($"10.42.{Nodes[j].Subnet}.0/24", Nodes[j].Underlay.Split('/')[0], "tunl0", onLink: true);
                }
            }
        }

        PcapFile onB, onC;
        using (var captureB = nodes[1].Capture("tunl0", "icmp", 2))
        using (var captureC = nodes[2].Capture("tunl0", "icmp", 2))
        {
            Assert.True(nodes[0].Ping("10.42.2.1"), "ping 10.42.2.1 from A was not answered");
            Assert.True(nodes[0].Ping("10.42.3.1"), "ping 10.42.3.1 from A was not answered");
            onB = captureB.Stop(TimeSpan.FromSeconds(5));
            onC = captureC.Stop(TimeSpan.FromSeconds(5));
        }

        CaptureAssertions.AssertInnerEchoOnTunnel(onB, "10.42.1.0", "10.42.2.1");
        CaptureAssertions.AssertInnerEchoOnTunnel(onC, "10.42.1.0", "10.42.3.1");

        lab.TearDown();
    }
}
