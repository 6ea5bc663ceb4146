using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl;
using Xunit;

namespace IpipTools.Core.Tests.Errors;

/// <summary>Prefixes read as ip route reads them: host bits are refused with the network meant, never cleared.</summary>
public sealed class PrefixHostBitsTests
{
    [Theory]
    [InlineData("10.62.0.1/24", "10.62.0.0/24", "10.62.0.1/32")]
    [InlineData("10.62.0.128/25", "10.62.0.128/25", null)]
    [InlineData("0.0.0.1/0", "0.0.0.0/0", "0.0.0.1/32")]
    [InlineData("2001:db8::1/64", "2001:db8::/64", "2001:db8::1/128")]
    [InlineData("10.62.0.1", "10.62.0.1/32", null)]
    public void HostBitsAreRefusedNamingTheNetwork(string text, string network, string? host)
    {
        if (host is null)
        {
            Assert.Equal(IPNetwork.Parse(network), NetworkPrefix.Parse(text));
            return;
        }

        var error = Assert.Throws<IpipToolsException>(() => NetworkPrefix.Parse(text));
        Assert.Equal("PrefixHasHostBits", error.ErrorId);
        Assert.Equal(IpipErrorCategory.InvalidArgument, error.Category);
        Assert.Contains(text, error.Message);
        Assert.Contains($"did you mean the network {network}", error.Message);
        Assert.Contains(host, error.Message);
    }

    [Theory]
    [InlineData("10.62.0.999/24")]
    [InlineData("10.62.0.0/33")]
    [InlineData("10.62.0.0/x")]
    [InlineData("10.62.0.0/-1")]
    public void TextThatIsNoPrefixIsLeftToTheCaller(string text) => Assert.Null(NetworkPrefix.Parse(text));
}
