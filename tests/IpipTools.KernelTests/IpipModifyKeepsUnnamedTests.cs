namespace IpipTools.KernelTests;

/// <summary>
/// The kernel resets every tunnel attribute a change request leaves out; IpipTools must
/// read the whole set first so that changing one thing keeps all the others.
/// </summary>
public sealed class IpipModifyKeepsUnnamedTests
{
    [Fact]
    public void ChangingTheTtlKeepsEverythingElse()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("ipip");
        using var client = ns.Connect();
        TestNamespace.AddVethPair(client, "under", "underp", peerUp: false);
        client.Tunnels.Create(Link.Of("keep", new IpipParameters
        {
            Local = IPAddress.Parse("10.1.1.1"),
            Remote = IPAddress.Parse("10.2.2.2"),
            Ttl = 64,
            Tos = 0x28,
            FirewallMark = 0x99,
            Protocol = IpipParameters.ProtocolAny,
            Encapsulation = new TunnelEncapsulation(TunnelEncapsulationType.Fou, 0, 4000, 5555),
        }) with
        {
            Mtu = 1300,
            IsUp = true,
        }, "under");
        var before = TunnelFacts.Oracle(ns.Name, "keep");

        var after = client.Tunnels.Modify<IpipParameters>("keep", p => p with { Ttl = 32 });

        Assert.Equal(before with { Ttl = 32 }, TunnelFacts.Oracle(ns.Name, "keep"));
        Assert.Equal(before with { Ttl = 32 }, TunnelFacts.From(after));
    }
}
