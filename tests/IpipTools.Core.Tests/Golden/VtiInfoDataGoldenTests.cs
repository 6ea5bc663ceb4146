using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Golden;

/// <summary>
/// IFLA_INFO_DATA of a vti tunnel in the order of the kernel's vti_fill_info
/// (net/ipv4/ip_vti.c): LINK, IKEY, OKEY, LOCAL, REMOTE, FWMARK, the keys __be32. Decoding and
/// encoding again must give the same bytes, since a change request resends the whole set.
/// </summary>
public sealed class VtiInfoDataGoldenTests
{
    private static readonly byte[] InfoData = Hex.Parse("""
        08 00 01 00  02 00 00 00     # IFLA_VTI_LINK (1) u32 2
        08 00 02 00  00 00 00 05     # IFLA_VTI_IKEY (2) be32 5 (ip shows 0.0.0.5)
        08 00 03 00  01 02 03 04     # IFLA_VTI_OKEY (3) be32 16909060 (1.2.3.4)
        08 00 04 00  0a 0a 0a 02     # IFLA_VTI_LOCAL (4) 10.10.10.2
        08 00 05 00  0a 0a 14 02     # IFLA_VTI_REMOTE (5) 10.10.20.2
        08 00 06 00  2a 00 00 00     # IFLA_VTI_FWMARK (6) u32 42
        """);

    private static readonly VtiParameters Expected = new()
    {
        UnderlayIndex = 2,
        InputKey = 5,
        OutputKey = 16909060,
        Local = IPAddress.Parse("10.10.10.2"),
        Remote = IPAddress.Parse("10.10.20.2"),
        FirewallMark = 42,
    };

    [Fact]
    public void DriverDecodesEveryVtiAttribute() =>
        Assert.Equal(Expected, new VtiDriver().Read(AttributeList.Parse(InfoData)));

    [Fact]
    public void DriverEncodesTheDecodedParametersToTheSameInfoData() =>
        MessageObjects.AssertSameBytes(InfoData, Encode(new VtiDriver().Read(AttributeList.Parse(InfoData))));

    [Fact]
    public void KeyZeroIsNoKey()
    {
        var decoded = new VtiDriver().Read(AttributeList.Parse(Encode(new VtiParameters { Remote = IPAddress.Parse("192.0.2.2") })));

        Assert.Null(decoded.InputKey);
        Assert.Null(decoded.OutputKey);
        Assert.Equal("ip_vti0", decoded.FallbackDeviceName);
    }

    [Fact]
    public void ATtlIsRefusedBecauseVtiHasNone()
    {
        var error = Assert.Throws<IpipToolsException>(() => Encode(new VtiParameters { Ttl = 64 }));

        Assert.Equal("UnsupportedTunnelOption", error.ErrorId);
        Assert.Contains("vti tunnels take no TTL", error.Message);
    }

    [Fact]
    public void TheRegistryFindsTheVtiDriver() =>
        Assert.IsType<VtiDriver>(LinkKindRegistry.Find("vti"));

    private static byte[] Encode(VtiParameters parameters)
    {
        var writer = new MessageWriter();
        using var context = new LinkEncodingContext();
        new VtiDriver().WriteInfoData(writer, parameters, context);
        return writer.WrittenSpan.ToArray();
    }
}
