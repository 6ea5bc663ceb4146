namespace IpipTools.KernelTests;

/// <summary>
/// S3 (docs/SCENARIOS.md): ns01 and ns02 joined through a router; the capture on the router's
/// veth01_p shows both IP layers; cleanup leaves nothing behind.
/// </summary>
public sealed class S3RouterCaptureTests
{
    [Fact]
    public void RouterSideCaptureShowsOuterAndInnerLayersAndCleanupLeavesNothing()
    {
        KernelTestEnvironment.RequireKernel();
        using var lab = new Lab("s3");
        var ns01 = lab.Host("ns01");
        var ns02 = lab.Host("ns02");
        var root = lab.Router("root");
        lab.Wire(ns01, "veth01", "192.168.6.101/24", root, "veth01_p", "192.168.6.1/24");
        lab.Wire(ns02, "veth02", "192.168.8.101/24", root, "veth02_p", "192.168.8.1/24");
        ns01.AddRoute("192.168.8.0/24", "192.168.6.1");
        ns02.AddRoute("192.168.6.0/24", "192.168.8.1");
        ns01.AddIpipTunnel("tun01", "192.168.6.101", "192.168.8.101", "172.56.1.101", "172.56.2.101");
        ns02.AddIpipTunnel("tun02", "192.168.8.101", "192.168.6.101", "172.56.2.101", "172.56.1.101");

        PcapFile capture;
        using (var onRouter = root.Capture("veth01_p", "ip proto 4", 2))
        {
            Assert.True(ns01.Ping("172.56.2.101"), "ping 172.56.2.101 from ns01 was not answered");
            capture = onRouter.Stop(TimeSpan.FromSeconds(5));
        }

        Assert.True(ns02.Ping("172.56.1.101"), "ping 172.56.1.101 from ns02 was not answered");
        CaptureAssertions.AssertIpipEchoExchange(capture, "192.168.6.101", "192.168.8.101", "172.56.1.101", "172.56.2.101");

        lab.TearDown();
    }
}
