using IpipTools.Core.Errors;

namespace IpipTools.Module.Tests.Core;

/// <summary>How tunnel arguments are read: ttl and tos as ip takes them.</summary>
public sealed class TextTests
{
    [Theory]
    [InlineData("inherit", 0)]
    [InlineData("64", 64)]
    [InlineData("255", 255)]
    public void Ttl(string text, byte expected) => Assert.Equal(expected, IpipTools.Core.Rtnl.Kinds.Ipv4TunnelParameters.ParseTtl(text));

    [Theory]
    [InlineData("inherit", 1)]
    [InlineData("10", 0x10)]
    [InlineData("0xfc", 0xfc)]
    public void Tos(string text, byte expected) => Assert.Equal(expected, IpipTools.Core.Rtnl.Kinds.Ipv4TunnelParameters.ParseTos(text));

    [Theory]
    [InlineData("256")]
    [InlineData("-1")]
    [InlineData("many")]
    public void BadTtlIsInvalidArgument(string text) =>
        Assert.Equal(IpipErrorCategory.InvalidArgument, Assert.Throws<IpipToolsException>(() => IpipTools.Core.Rtnl.Kinds.Ipv4TunnelParameters.ParseTtl(text)).Category);
}
