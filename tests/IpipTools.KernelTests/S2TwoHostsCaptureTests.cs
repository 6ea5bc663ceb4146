namespace IpipTools.KernelTests;

/// <summary>
/// S2 (docs/SCENARIOS.md): two hosts in different networks, a point-to-point ipip tunnel
/// between them; a capture on the tunnel sees only the inner ICMP, one on the underlay
/// the outer header with protocol 4. The network between them is a router namespace.
/// </summary>
public sealed class S2TwoHostsCaptureTests
{
    [Fact]
    public void PingBothWaysAndCapturesShowInnerOnTheTunnelAndOuterOnTheUnderlay()
    {
        KernelTestEnvironment.RequireKernel();
        using var lab = new Lab("s2");
        var host01 = lab.Host("host01");
        var host02 = lab.Host("host02");
        var router = lab.Router("net");
        lab.Wire(host01, "eth0", "10.90.6.238/24", router, "host01-p", "10.90.6.1/24");
        lab.Wire(host02, "eth0", "192.168.1.129/24", router, "host02-p", "192.168.1.1/24");
        host01.AddRoute("0.0.0.0/0", "10.90.6.1");
        host02.AddRoute("0.0.0.0/0", "192.168.1.1");
        host01.AddIpipTunnel("tun01", "10.90.6.238", "192.168.1.129", "172.66.1.101", "172.66.2.101");
        host02.AddIpipTunnel("tun02", "192.168.1.129", "10.90.6.238", "172.66.2.101", "172.66.1.101");

        PcapFile onTunnel, onUnderlay;
        using (var tunnelCapture = host01.Capture("tun01", "icmp", 2))
        using (var underlayCapture = host01.Capture("eth0", "ip proto 4", 2))
        {
            Assert.True(host01.Ping("172.66.2.101"), "ping 172.66.2.101 from Host-01 was not answered");
            onTunnel = tunnelCapture.Stop(TimeSpan.FromSeconds(5));
            onUnderlay = underlayCapture.Stop(TimeSpan.FromSeconds(5));
        }

        Assert.True(host02.Ping("172.66.1.101"), "ping 172.66.1.101 from Host-02 was not answered");
        CaptureAssertions.AssertInnerEchoOnTunnel(onTunnel, "172.66.1.101", "172.66.2.101");
        Assert.Equal(PcapFile.LinkTypeEthernet, onUnderlay.LinkType);
        CaptureAssertions.AssertIpipEchoExchange(onUnderlay, "10.90.6.238", "192.168.1.129", "172.66.1.101", "172.66.2.101");

        lab.TearDown();
    }
}
