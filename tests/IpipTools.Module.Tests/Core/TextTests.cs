using IpipTools.Core.Commands;
using IpipTools.Core.Errors;

namespace IpipTools.Module.Tests.Core;

/// <summary>How cmdlet arguments are read: ttl/tos as ip takes them, name wildcards, -Up/-Down.</summary>
public sealed class TextTests
{
    [Theory]
    [InlineData("inherit", 0)]
    [InlineData("64", 64)]
    [InlineData("255", 255)]
    public void Ttl(string text, byte expected) => Assert.Equal(expected, TunnelOptionText.ParseTtl(text));

    [Theory]
    [InlineData("inherit", 1)]
    [InlineData("10", 0x10)]
    [InlineData("0xfc", 0xfc)]
    public void Tos(string text, byte expected) => Assert.Equal(expected, TunnelOptionText.ParseTos(text));

    [Theory]
    [InlineData("256")]
    [InlineData("-1")]
    [InlineData("many")]
    public void BadTtlIsInvalidArgument(string text) =>
        Assert.Equal(IpipErrorCategory.InvalidArgument, Assert.Throws<IpipToolsException>(() => TunnelOptionText.ParseTtl(text)).Category);

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
    public void UpAndDown()
    {
        Assert.True(SetTunnelRequest.AdminState(true, false));
        Assert.False(SetTunnelRequest.AdminState(false, true));
        Assert.Null(SetTunnelRequest.AdminState(false, false));
        Assert.Equal("ConflictingLinkState", Assert.Throws<IpipToolsException>(() => SetTunnelRequest.AdminState(true, true)).ErrorId);
    }

    [Fact]
    public void ChangeDescriptionsNameTheExactChange()
    {
        var ns = IpipTools.Core.Namespaces.NetNamespace.Named("ns1");
        var request = new NewTunnelRequest("tunl") { Remote = System.Net.IPAddress.Parse("10.10.20.2"), Local = System.Net.IPAddress.Parse("10.10.10.2"), Up = true };
        var change = TunnelCommands.DescribeNew(ns, request);
        Assert.Equal("tunnel 'tunl' in namespace 'ns1'", change.Target);
        Assert.Equal("Create ipip tunnel 'tunl' remote 10.10.20.2 local 10.10.10.2 up", change.Action);
    }
}
