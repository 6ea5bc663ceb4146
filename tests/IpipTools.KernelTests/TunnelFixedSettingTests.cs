using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Errors;

namespace IpipTools.KernelTests;

/// <summary>
/// Settings the kernel fixes when a tunnel is created: a change of them is refused up
/// front with a plain reason, instead of the kernel's bare EINVAL or, worse, its silent
/// keeping of the old value while it applies the rest of the request.
/// </summary>
public sealed class TunnelFixedSettingTests
{
    public static TheoryData<string, Func<Ipv4TunnelParameters, Ipv4TunnelParameters>, string> Changes => new()
    {
        { "ipip", p => ((IpipParameters)p) with { Protocol = IpipParameters.ProtocolAny, Ttl = 9 }, "inner protocol" },
        { "ipip", p => ((IpipParameters)p) with { Remote = null }, "point-to-point mode" },
        { "sit", p => ((SitParameters)p) with { Isatap = true }, "ISATAP mode" },
        { "gre", p => ((GreParameters)p) with { CollectMetadata = true }, "external (collect metadata) mode" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void ChangingASettingFixedAtCreationIsRefusedAndChangesNothing(string kind, Func<Ipv4TunnelParameters, Ipv4TunnelParameters> change, string setting)
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("fixed");
        using var client = ns.Connect();
        var local = IPAddress.Parse("10.1.1.1");
        var remote = IPAddress.Parse("10.2.2.2");
        LinkKindParameters parameters = kind switch
        {
            "ipip" => new IpipParameters { Local = local, Remote = remote },
            "sit" => new SitParameters { Local = local, Remote = remote },
            _ => new GreParameters { Local = local, Remote = remote },
        };
        client.Tunnels.Create(Link.Of("fixed1", parameters));
        var before = TunnelFacts.Oracle(ns.Name, "fixed1");

        var error = Assert.Throws<IpipToolsException>(() => client.Tunnels.Modify<Ipv4TunnelParameters>("fixed1", change));

        Assert.Equal("TunnelSettingFixed", error.ErrorId);
        Assert.Contains($"The {setting}", error.Message);
        Assert.Contains("fixed when the tunnel is created", error.Message);
        Assert.Contains("create it again", error.RecommendedAction);
        Assert.Equal(before, TunnelFacts.Oracle(ns.Name, "fixed1"));
    }
}
