using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Tunnels;
using Xunit;

namespace IpipTools.Core.Tests.Tunnels;

/// <summary>
/// The modes of ip tunnel as the registry's drivers name them, and the settings a user states
/// applied to a mode's defaults or a tunnel's parameters: each mode takes its own, refuses
/// another's by the parameter's name, and keeps what was not stated.
/// </summary>
public sealed class TunnelSettingsTests
{
    [Fact]
    public void TheModesAreThoseOfIpTunnel() =>
        Assert.Equal(["ipip", "gre", "sit", "isatap", "vti"], TunnelModes.Names);

    [Fact]
    public void IsatapIsSitWithTheIsatapFlag()
    {
        var isatap = Assert.IsType<SitParameters>(TunnelModes.DefaultsFor("ISATAP"));

        Assert.True(isatap.Isatap);
        Assert.Equal("isatap", isatap.Mode);
        Assert.Equal("sit", new SitParameters().Mode);
    }

    [Fact]
    public void AnUnknownModeIsRefusedListingTheModes()
    {
        var error = Assert.Throws<IpipToolsException>(() => TunnelModes.DefaultsFor("gretap"));

        Assert.Equal("UnknownTunnelMode", error.ErrorId);
        Assert.Equal("Give -Mode one of: ipip, gre, sit, isatap, vti.", error.RecommendedAction);
    }

    [Fact]
    public void GreTakesKeysSequenceAndChecksumsAndKeepsWhatWasNotStated()
    {
        var current = new GreParameters { Remote = IPAddress.Parse("192.0.2.2"), InputKey = 1, OutputKey = 2, OutputSequence = true };

        var changed = Assert.IsType<GreParameters>(new TunnelSettings { InputKey = 7, InputChecksum = true, Ttl = 64 }.ApplyTo(current, "g1"));

        Assert.Equal(current with { InputKey = 7, InputChecksum = true, Ttl = 64 }, changed);
    }

    [Fact]
    public void VtiKeyZeroIsNone()
    {
        var changed = Assert.IsType<VtiParameters>(new TunnelSettings { InputKey = 0, OutputKey = 9 }.ApplyTo(new VtiParameters { InputKey = 3 }, "v1"));

        Assert.Null(changed.InputKey);
        Assert.Equal(9u, changed.OutputKey);
    }

    [Theory]
    [InlineData("sit", "InputKey", "gre and vti")]
    [InlineData("ipip", "SixRdPrefix", "sit")]
    [InlineData("vti", "InputSequence", "gre")]
    public void ASettingOfAnotherModeIsRefusedByItsParameterName(string mode, string parameter, string kinds)
    {
        var settings = parameter switch
        {
            "InputKey" => new TunnelSettings { InputKey = 1 },
            "SixRdPrefix" => new TunnelSettings { SixRdPrefix = IPNetwork.Parse("2001:db8::/32") },
            _ => new TunnelSettings { InputSequence = true },
        };

        var error = Assert.Throws<IpipToolsException>(() => settings.ApplyTo(TunnelModes.DefaultsFor(mode), "t1"));

        Assert.Equal("TunnelSettingNotOfKind", error.ErrorId);
        Assert.StartsWith($"-{parameter} applies to {kinds} tunnels only; 't1' is", error.Message);
    }

    [Fact]
    public void TheWordsAreThoseOfIpTunnel() =>
        Assert.Equal(
            "remote 192.0.2.2 ttl inherit tos inherit nopmtudisc ikey 42 okey 42 iseq noocsum 6rd-prefix 2001:db8::/32",
            string.Join(" ", new TunnelSettings
            {
                Remote = IPAddress.Parse("192.0.2.2"), Ttl = 0, Tos = 1, PathMtuDiscovery = false, InputKey = 42, OutputKey = 42,
                InputSequence = true, OutputChecksum = false, SixRdPrefix = IPNetwork.Parse("2001:db8::/32"),
            }.Words()));
}
