namespace IpipTools.KernelTests;

/// <summary>
/// An ipip tunnel through its whole life with every attribute IpipTools can set given a
/// non-default value, checked after each step against our own read and iproute2's.
/// </summary>
public sealed class IpipLifecycleTests
{
    [Fact]
    public void CreateReadModifyDeleteWithEveryAttribute()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("ipip");
        using var client = ns.Connect();
        // Two underlays with different MTUs, so that moving the tunnel shows in its MTU.
        TestNamespace.AddVethPair(client, "under1", "under1p", 1500, peerUp: false);
        TestNamespace.AddVethPair(client, "under2", "under2p", 9000, peerUp: false);

        var created = client.Tunnels.Create(Link.Of("t1", new IpipParameters
        {
            Local = IPAddress.Parse("10.1.1.1"),
            Remote = IPAddress.Parse("10.2.2.2"),
            Ttl = 64,
            Tos = 0x10,
            PathMtuDiscovery = true,
            Protocol = IpipParameters.ProtocolAny,
            FirewallMark = 0x42,
            Encapsulation = new TunnelEncapsulation(TunnelEncapsulationType.Fou, 0, 0, 5555),
        }) with
        {
            Mtu = 1400,
            IsUp = true,
            Alias = "lifecycle",
        }, "under1");

        Assert.Equal(
            new TunnelFacts("t1", "ipip", "10.1.1.1", "10.2.2.2", 64, 0x10, true, "under1", 1400, "POINTOPOINT,NOARP,UP,LOWER_UP",
                0, 0x42, "fou 0 5555", false, null, null),
            TunnelFacts.From(created));
        Assert.Equal(TunnelFacts.From(created), TunnelFacts.Oracle(ns.Name, "t1"));
        Assert.Equal("lifecycle", IpOracle.Link(ns.Name, "t1")!.Value.String("ifalias"));
        Assert.False(created.IsFallback);

        var modified = client.Tunnels.Modify<IpipParameters>("t1", p => p with
        {
            Local = IPAddress.Parse("10.1.1.9"),
            Remote = IPAddress.Parse("10.2.2.9"),
            Ttl = 0,
            Tos = 1,
            PathMtuDiscovery = false,
            FirewallMark = 7,
            Encapsulation = TunnelEncapsulation.None,
            UnderlayIndex = client.Links.IndexOf("under2"),
        });

        // A new underlay makes the kernel derive the MTU again (ip_tunnel_update): 9000 - 20.
        // The inner protocol is fixed at creation (see TunnelFixedSettingTests).
        Assert.Equal(
            new TunnelFacts("t1", "ipip", "10.1.1.9", "10.2.2.9", 0, 1, false, "under2", 8980, "POINTOPOINT,NOARP,UP,LOWER_UP",
                0, 7, "none", false, null, null),
            TunnelFacts.From(modified));
        Assert.Equal(TunnelFacts.From(modified), TunnelFacts.Oracle(ns.Name, "t1"));
        Assert.Equal("lifecycle", client.Links.Get("t1").Alias);

        client.Tunnels.Delete("t1");

        Assert.Null(client.Tunnels.Find("t1"));
        Assert.Null(IpOracle.Link(ns.Name, "t1"));
    }

    [Fact]
    public void ExternalModeTunnelIsCreatedReadAndDeleted()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("ipip");
        using var client = ns.Connect();

        var created = client.Tunnels.Create(Link.Of("ext0", new IpipParameters { CollectMetadata = true }));

        Assert.True(created.CollectMetadata);
        Assert.False(created.IsFallback);
        var oracle = TunnelFacts.Oracle(ns.Name, "ext0");
        Assert.True(oracle.External);
        Assert.Equal(TunnelFacts.From(created), oracle);

        client.Tunnels.Delete("ext0");
        Assert.Null(IpOracle.Link(ns.Name, "ext0"));
    }
}
