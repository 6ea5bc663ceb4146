using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Errors;

/// <summary>Interface names: too long (in bytes, not characters) and already taken, for the link, its veth peer, and a rename.</summary>
public sealed class LinkNameErrorTests
{
    [Theory]
    [InlineData("averyveryverylongname", 21)]
    [InlineData("äääääääää", 18)] // 9 characters, 18 bytes of UTF-8
    [InlineData("sixteen-bytes-xx", 16)]
    public void NameLongerThanFifteenBytesIsRefusedBeforeAnythingIsSent(string name, int bytes)
    {
        using var ns = new TestNamespace("err");
        using var client = ns.Connect();

        var error = NothingLeftBehind.Assert<IpipToolsException>(ns, () => client.Links.Add(Link.Of(name, new VethParameters("peer0"))));

        Assert.Equal("InvalidInterfaceName", error.ErrorId);
        Assert.Equal($"The interface name '{name}' is {bytes} bytes long; Linux allows at most 15 (IFNAMSIZ is 16 with the terminating NUL).", error.Message);
        Assert.Equal(0, client.Connection.ChangeRequestCount);
    }

    [Fact]
    public void FifteenBytesIsAllowed()
    {
        using var ns = new TestNamespace("err");
        using var client = ns.Connect();

        client.Links.Add(Link.Of("fifteen-bytes-x", new VethParameters("peer0")));

        Assert.NotNull(IpOracle.Link(ns.Name, "fifteen-bytes-x"));
    }

    [Fact]
    public void TooLongPeerAndRenameTargetAreRefusedToo()
    {
        using var ns = new TestNamespace("err");
        using var client = ns.Connect();
        client.Links.Add(Link.Of("va", new VethParameters("vb")));

        var peer = NothingLeftBehind.Assert<IpipToolsException>(ns, () => client.Links.Add(Link.Of("vx", new VethParameters("a-much-too-long-peer"))));
        var rename = NothingLeftBehind.Assert<IpipToolsException>(ns, () => client.Links.Rename("va", "a-much-too-long-name"));

        Assert.StartsWith("The veth peer name 'a-much-too-long-peer' is 20 bytes long", peer.Message);
        Assert.StartsWith("The new interface name 'a-much-too-long-name' is 20 bytes long", rename.Message);
    }

    [Fact]
    public void NameTakenSaysWhichNameAndWhere()
    {
        using var ns = new TestNamespace("err");
        using var client = ns.Connect();
        client.Links.Add(Link.Of("va", new VethParameters("vb")));

        var link = NothingLeftBehind.Assert<NetlinkException>(ns, () => client.Links.Add(Link.Of("va", new VethParameters("vc"))));
        var peer = NothingLeftBehind.Assert<NetlinkException>(ns, () => client.Links.Add(Link.Of("vx", new VethParameters("vb"))));
        var rename = NothingLeftBehind.Assert<NetlinkException>(ns, () => client.Links.Rename("va", "vb"));

        Assert.Equal("LinkNameTaken", link.ErrorId);
        Assert.Equal($"Cannot create veth link 'va' in namespace '{ns.Name}': a link named 'va' already exists in namespace '{ns.Name}' (EEXIST).", link.Message);
        Assert.Equal("LinkNameTaken", peer.ErrorId);
        Assert.Contains($"the veth peer name 'vb' is already taken in namespace '{ns.Name}'", peer.Message);
        Assert.Equal("LinkNameTaken", rename.ErrorId);
        Assert.Contains("a link with that name already exists", rename.Message);
    }

    [Fact]
    public void PeerNameTakenInThePeersNamespaceSaysThatNamespace()
    {
        using var ns = new TestNamespace("err");
        using var other = new TestNamespace("err");
        using var client = ns.Connect();
        other.Ip("link", "add", "pq", "type", "veth", "peer", "name", "pz").EnsureSuccess("ip link add");
        var otherBefore = NamespaceSnapshot.Of(other.Name);

        var error = NothingLeftBehind.Assert<NetlinkException>(ns, () => client.Links.Add(Link.Of("vy", new VethParameters("pq", other.Namespace))));

        Assert.Equal("LinkNameTaken", error.ErrorId);
        Assert.Contains($"the veth peer name 'pq' is already taken in namespace '{other.Name}'", error.Message);
        Assert.Equal(otherBefore, NamespaceSnapshot.Of(other.Name));
    }
}
