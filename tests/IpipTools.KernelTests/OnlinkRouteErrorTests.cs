using IpipTools.Core.Interop;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.KernelTests;

/// <summary>
/// Routes through tunl0 (the NBMA fallback device) need "onlink" and an up device; the
/// kernel's refusals must reach the user with its own words and what to do about them.
/// </summary>
public sealed class OnlinkRouteErrorTests
{
    private static readonly Route ViaTunl0 = new(IPNetwork.Parse("12.1.1.1/32"))
    {
        Gateway = IPAddress.Parse("192.168.122.12"),
        Device = "tunl0",
    };

    [Fact]
    public void RouteViaTunl0WithoutOnlinkIsRefusedWithTheHintToAddIt()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("onlink");
        using var client = ns.Connect();
        // lo up gives the namespace its local table, without which the kernel takes every
        // onlink gateway for a broadcast address (inet_addr_type_dev_table).
        ns.LoopbackUp();
        client.Links.SetUp("tunl0", true);

        var error = Assert.Throws<NetlinkException>(() => client.Routes.Add(ViaTunl0));

        ExpectedErrors.AssertOnlinkMissing(error);
        Assert.Equal(0, IpOracle.Routes(ns.Name, "12.1.1.1").GetArrayLength());

        // The fix the hint names works.
        client.Routes.Add(ViaTunl0 with { OnLink = true });
        Assert.Contains("onlink", IpOracle.Routes(ns.Name, "12.1.1.1")[0].Strings("flags"));
    }

    [Fact]
    public void OnlinkRouteWhileTunl0IsDownIsRefusedWithTheHintToBringItUp()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("onlink");
        using var client = ns.Connect();
        ns.LoopbackUp();

        var error = Assert.Throws<NetlinkException>(() => client.Routes.Add(ViaTunl0 with { OnLink = true }));

        Assert.Equal(Errno.ENETDOWN, error.ErrorNumber);
        Assert.Equal("RouteDeviceDown", error.ErrorId);
        Assert.Equal("Nexthop device is not up", error.KernelMessage);
        Assert.Contains("Kernel says: \"Nexthop device is not up\"", error.Message);
        Assert.Contains("tunl0 up", error.RecommendedAction);
        Assert.Equal(0, IpOracle.Routes(ns.Name, "12.1.1.1").GetArrayLength());
    }
}
