using IpipTools.Core.Namespaces;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

/// <summary>
/// net.ipv4.ip_forward is per namespace: toggling it in one leaves the others (and
/// the caller's own, which is only read) alone. iproute2's `ip netns exec` reads it
/// from inside as the oracle, and writes it for us to read.
/// </summary>
public sealed class ForwardingSysctlLiveTests
{
    [Fact]
    public void ToggledInOneNamespaceOnly()
    {
        using var a = new TestNamespace("fwd");
        using var b = new TestNamespace("fwd");
        var callerBefore = File.ReadAllText("/proc/sys/net/ipv4/ip_forward");

        Ipv4Forwarding.Set(a.Namespace, true);

        Assert.True(Ipv4Forwarding.IsEnabled(a.Namespace));
        Assert.False(Ipv4Forwarding.IsEnabled(b.Namespace));
        Assert.Equal("1", ReadInside(a));
        Assert.Equal("0", ReadInside(b));
        Assert.Equal(callerBefore, File.ReadAllText("/proc/sys/net/ipv4/ip_forward"));

        Ipv4Forwarding.Set(a.Namespace, false);

        Assert.Equal("0", ReadInside(a));
        Assert.False(Ipv4Forwarding.IsEnabled(a.Namespace));
    }

    [Fact]
    public void SetFromInsideByIproute2IsReadByUs()
    {
        using var ns = new TestNamespace("fwd");

        ns.Exec(Command.Tool("sysctl"), "-q", "-w", "net.ipv4.ip_forward=1").EnsureSuccess("sysctl -w");

        Assert.True(Ipv4Forwarding.IsEnabled(ns.Namespace));
        Assert.Equal("1", Sysctl.Read(ns.Namespace, "net.ipv4.ip_forward"));
    }

    private static string ReadInside(TestNamespace ns) =>
        ns.Exec(Command.Tool("cat"), "/proc/sys/net/ipv4/ip_forward").EnsureSuccess("cat ip_forward").Output.Trim();
}
