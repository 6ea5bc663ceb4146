using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Addresses;
using Xunit;

namespace IpipTools.Core.Tests.Errors;

/// <summary>Interface addresses read as ip addr add reads them: host bits are the point, a length may come from elsewhere.</summary>
public sealed class AddressPrefixTests
{
    [Theory]
    [InlineData("10.10.10.2/24", "10.10.10.2", 24)]
    [InlineData("10.10.10.2", "10.10.10.2", null)]
    [InlineData("2001:db8::2/64", "2001:db8::2", 64)]
    [InlineData("0.0.0.0/0", "0.0.0.0", 0)]
    public void ReadsAddressAndLength(string text, string address, int? length)
    {
        var prefix = AddressPrefix.Parse(text);
        Assert.Equal(IPAddress.Parse(address), prefix.Address);
        Assert.Equal((byte?)length, prefix.PrefixLength);
        Assert.Equal(text, prefix.ToString());
    }

    [Theory]
    [InlineData("10.10.10.999/24")]
    [InlineData("10.10.10.2/x")]
    [InlineData("10.10.10.2/")]
    [InlineData("10.10.10.2/256")]
    [InlineData("fe80::1%2/64")]
    [InlineData("v1")]
    public void TextThatIsNoAddressIsAFormatErrorNamingIt(string text) =>
        Assert.Contains($"'{text}'", Assert.Throws<FormatException>(() => AddressPrefix.Parse(text)).Message);

    [Fact]
    public void TheLengthComesFromTheTextOrFromBesideItAndTwoMustAgree()
    {
        Assert.Equal(24, AddressPrefix.Parse("10.10.10.2/24").LengthWith(null));
        Assert.Equal(24, AddressPrefix.Parse("10.10.10.2/24").LengthWith(24));
        Assert.Equal(16, AddressPrefix.Parse("10.10.10.2").LengthWith(16));
        Assert.Equal(32, AddressPrefix.Parse("10.10.10.2").LengthWith(null));
        Assert.Equal(128, ((AddressPrefix)IPAddress.Parse("2001:db8::2")).LengthWith(null));
        var conflict = Assert.Throws<IpipToolsException>(() => AddressPrefix.Parse("10.10.10.2/24").LengthWith(16));
        Assert.Equal("PrefixLengthConflict", conflict.ErrorId);
        Assert.Contains("10.10.10.2/16", conflict.RecommendedAction);
    }
}
