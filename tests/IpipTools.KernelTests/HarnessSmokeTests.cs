using System.Text.Json;

namespace IpipTools.KernelTests;

/// <summary>
/// Proves the harness gives a real kernel with the ipip driver: if these fail, every
/// other kernel test is meaningless, so they are the first thing to look at.
/// </summary>
public sealed class HarnessSmokeTests
{
    [Fact]
    public void IpipTunnelCanBeCreatedInAThrowawayNamespace()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("smoke");

        ns.Ip("link", "add", "smoke0", "type", "ipip", "remote", "10.0.0.2", "local", "10.0.0.1").EnsureSuccess("ip link add smoke0");

        // No underlay device exists, so the MTU is not asserted: only the driver kind.
        var link = SingleLink(ns.Ip("-d", "-j", "link", "show", "smoke0").EnsureSuccess("ip link show smoke0").Output);
        Assert.Equal("smoke0", link.GetProperty("ifname").GetString());
        Assert.Equal("ipip", link.GetProperty("linkinfo").GetProperty("info_kind").GetString());
    }

    [Fact]
    public void FreshNamespaceHasTheIpipFallbackDevice()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("smoke");

        // The ipip module creates tunl0 in every namespace once it is loaded.
        var link = SingleLink(ns.Ip("-d", "-j", "link", "show", "tunl0").EnsureSuccess("ip link show tunl0").Output);
        Assert.Equal("tunl0", link.GetProperty("ifname").GetString());
        Assert.Equal("ipip", link.GetProperty("linkinfo").GetProperty("info_kind").GetString());
    }

    private static JsonElement SingleLink(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var links = doc.RootElement;
        Assert.Equal(JsonValueKind.Array, links.ValueKind);
        Assert.Equal(1, links.GetArrayLength());
        return links[0].Clone();
    }
}
