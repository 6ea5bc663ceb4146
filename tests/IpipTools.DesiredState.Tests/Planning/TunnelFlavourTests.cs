using IpipTools.Core.Rtnl.Kinds;
using Xunit;
using static IpipTools.DesiredState.Tests.Planning.States;
using IpipTools.Core.DesiredState.Data;
using IpipTools.Core.DesiredState.Export;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.DesiredState.Tests.Planning;

/// <summary>
/// A tunnel mode that is a flavour of a kind rather than a kind of its own: isatap, which
/// the kernel makes as a sit tunnel with the ISATAP flag. A topology states it as Mode
/// 'isatap'; it is made with the flag, converges when the kernel reports it back (kind sit),
/// is made again when the flavour differs (the kernel fixes the flag at creation), and is
/// exported as isatap. No kernel involved.
/// </summary>
public sealed class TunnelFlavourTests
{
    private const string Isatap = """ "Tunnels": [ { "Name": "ia", "Mode": "ISATAP", "Local": "10.0.0.1" } ] """;

    /// <summary>An isatap tunnel as the kernel reports it: kind sit, the flag, and the 6to4 prefix every sit tunnel has.</summary>
    private static readonly SitParameters Reported = new() { Local = Ip("10.0.0.1"), Isatap = true, SixRdPrefix = System.Net.IPNetwork.Parse("2002::/16") };

    [Fact]
    public void AnIsatapTunnelIsMadeAsASitTunnelWithTheIsatapFlag()
    {
        var plan = TopologyPlanner.Plan(InA(Isatap), Read(Ns("a")));

        var step = Assert.Single(plan.Steps.OfType<CreateLink>());
        Assert.Equal("sit ia", step.Target);
        var sit = Assert.IsType<SitParameters>(step.Link.Tunnel);
        Assert.Equal((true, "isatap", "10.0.0.1", SitParameters.ProtocolIpv6), (sit.Isatap, sit.Mode, sit.Local?.ToString(), sit.Protocol));
    }

    [Fact]
    public void AnIsatapTunnelAsTheKernelReportsItIsConverged()
    {
        var read = Read(Ns("a", [Owned(Tunnel("ia", 5, Reported))]));

        var plan = TopologyPlanner.Plan(InA(Isatap), read);

        Assert.True(plan.IsConverged, string.Join("; ", Summary(plan)));
    }

    [Theory]
    [InlineData(true, "sit", "mode isatap → sit")]
    [InlineData(false, "isatap", "mode sit → isatap")]
    public void ATunnelOfTheOtherFlavourIsMadeAgain(bool readIsatap, string wanted, string difference)
    {
        var read = Read(Ns("a", [Owned(Tunnel("ia", 5, Reported with { Isatap = readIsatap }))]));

        var plan = TopologyPlanner.Plan(InA(Isatap.Replace("ISATAP", wanted, StringComparison.Ordinal)), read);

        var step = Assert.Single(plan.Steps, s => s.Action == PlanAction.Recreate);
        Assert.Equal("sit ia", step.Target);
        Assert.Equal($"{difference}: the ISATAP mode is fixed when the tunnel is created, so the kernel cannot change it in place", step.Reason);
    }

    [Fact]
    public void AnIsatapTunnelIsExportedAsIsatapAndTheExportConverges()
    {
        var read = Read(Ns("a", [Owned(Tunnel("ia", 5, Reported))]));

        var exported = TopologyExporter.Export(read);

        var tunnel = Assert.Single(exported.Namespaces.Single().Links, l => l.Name == "ia").Tunnel;
        Assert.Equal("isatap", tunnel?.Mode);
        var text = TopologyWriter.ToJson(exported);
        Assert.Contains("\"Mode\": \"isatap\"", text);
        Assert.True(TopologyPlanner.Plan(exported, read).IsConverged);
        Assert.True(TopologyPlanner.Plan(TopologyLoader.FromJson(text, "export.json"), read).IsConverged);
    }

    [Fact]
    public void AnUnknownModeIsRefusedListingTheFlavoursWithTheKinds()
    {
        var e = Assert.Throws<TopologyFormatException>(() => InA(""" "Tunnels": [ { "Name": "t", "Mode": "6to4" } ] """));

        Assert.Contains("'6to4' is not a tunnel mode topologies know; use 'ipip', 'gre', 'sit', 'isatap' or 'vti'", e.Message);
    }
}
