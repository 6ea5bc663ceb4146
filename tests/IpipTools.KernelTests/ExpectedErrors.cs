using IpipTools.Core.Interop;

namespace IpipTools.KernelTests;

/// <summary>Refusals several tests provoke (a tunnel test and a scenario), checked one way.</summary>
internal static class ExpectedErrors
{
    /// <summary>A route via tunl0 without onlink: the kernel's words, and the hint to add onlink.</summary>
    public static void AssertOnlinkMissing(NetlinkException error)
    {
        Assert.Equal("RouteGatewayRejected", error.ErrorId);
        Assert.Equal("Nexthop has invalid gateway", error.KernelMessage);
        Assert.Contains("Kernel says: \"Nexthop has invalid gateway\"", error.Message);
        Assert.Contains("onlink", error.RecommendedAction);
    }

    /// <summary>A tunnel with no parameters: EEXIST, explained by the fallback device holding the empty set.</summary>
    public static void AssertEmptyParameterSetTaken(NetlinkException error, string fallback = "tunl0")
    {
        Assert.Equal(Errno.EEXIST, error.ErrorNumber);
        Assert.Equal("TunnelParametersTaken", error.ErrorId);
        Assert.Contains($"'{fallback}'", error.Message);
        Assert.Contains("empty parameter set", error.Message);
        Assert.Contains(fallback, error.RecommendedAction);
    }
}
