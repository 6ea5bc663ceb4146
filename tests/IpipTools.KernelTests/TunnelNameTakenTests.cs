using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Interop;

namespace IpipTools.KernelTests;

/// <summary>A tunnel whose name another link already has is refused, and nothing changes.</summary>
public sealed class TunnelNameTakenTests
{
    [Fact]
    public void CreatingATunnelUnderATakenNameFailsAndChangesNothing()
    {
        KernelTestEnvironment.RequireKernel();
        using var ns = new TestNamespace("name");
        using var client = ns.Connect();
        client.Links.Add(Link.Of("taken", new VethParameters("takenp")));
        var before = NamespaceSnapshot.Of(ns.Name);

        var error = Assert.Throws<NetlinkException>(() => client.Tunnels.Create(Link.Of("taken", new IpipParameters
        {
            Local = IPAddress.Parse("10.1.1.1"),
            Remote = IPAddress.Parse("10.2.2.2"),
        })));

        Assert.Equal(Errno.EEXIST, error.ErrorNumber);
        Assert.Equal("LinkNameTaken", error.ErrorId);
        Assert.Contains("'taken' already exists", error.Message);
        Assert.Equal(before, NamespaceSnapshot.Of(ns.Name));
        Assert.Equal("veth", IpOracle.Link(ns.Name, "taken")!.Value.InfoKind());
    }
}
