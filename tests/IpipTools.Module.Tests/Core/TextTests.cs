using IpipTools.Core.Commands;
using IpipTools.Core.Errors;

namespace IpipTools.Module.Tests.Core;

/// <summary>How cmdlet arguments are read: ttl/tos as ip takes them, name wildcards.</summary>
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

    [Fact]
    public void Patterns()
    {
        Assert.True(NamePattern.Of(null).Matches("anything"));
        Assert.True(NamePattern.Of("tun*").Matches("tunl0"));
        Assert.False(NamePattern.Of("tun?").Matches("tunl0"));
        Assert.True(NamePattern.Of("tunl0").IsExact);
        Assert.False(NamePattern.Of("t*").IsExact);
        Assert.False(NamePattern.Of("a.b").Matches("axb"));
    }

    [Fact]
    public void ChangeDescriptionsNameTheExactChange()
    {
        // The tunnel cmdlets' -WhatIf text is checked in Tunnels.Tests.ps1, the -Up/-Down conflict in BadInput.Tests.ps1.
        var route = OnlinkRouteCommands.DescribeAdd(IpipTools.Core.Namespaces.NetNamespace.Caller,
            new OnlinkRouteRequest(System.Net.IPNetwork.Parse("10.42.2.0/24"), "tunl0") { Gateway = System.Net.IPAddress.Parse("172.16.165.244") });
        Assert.Equal("Add route 10.42.2.0/24 via 172.16.165.244 dev tunl0 proto 73 onlink", route.Action);
    }
}
