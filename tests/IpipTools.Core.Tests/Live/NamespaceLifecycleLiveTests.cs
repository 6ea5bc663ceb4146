using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

/// <summary>
/// Named namespaces live where iproute2 keeps them: ours show in `ip netns list`
/// and work with `ip netns exec`; theirs show in <see cref="NetNamespaceStore.List"/>
/// and open by name, by path and by the pid of a process inside.
/// </summary>
public sealed class NamespaceLifecycleLiveTests
{
    [Fact]
    public void OursIsSeenAndUsedByIproute2UntilDeleted()
    {
        var name = UniqueName();
        try
        {
            var created = NetNamespaceStore.Create(name);

            Assert.Equal(name, created.Name);
            Assert.Contains(name, IpNetnsList());
            Assert.Contains(NetNamespaceStore.List(), n => n.Name == name);
            Assert.True(NetNamespaceStore.Exists(name));
            Assert.NotEqual(NamespaceThread.CurrentThreadNamespaceId(), NamespaceThread.NamespaceId(created));
            Assert.Equal(NamespaceThread.NamespaceId(created), Readlink(name));
            var links = IpOracle.Links(name).EnumerateArray().Select(l => l.String("ifname")).ToList();
            Assert.Equal(new[] { "lo" }, links);

            NetNamespaceStore.Delete(name);

            Assert.DoesNotContain(name, IpNetnsList());
            Assert.DoesNotContain(NetNamespaceStore.List(), n => n.Name == name);
            Assert.False(File.Exists(Path.Combine(NetNamespaceStore.Directory, name)));
        }
        finally
        {
            Command.Ip(null, "netns", "delete", name);
        }
    }

    [Fact]
    public void Iproute2sIsListedOpenedAndGoneWhenItDeletesIt()
    {
        var name = UniqueName();
        Command.Ip(null, "netns", "add", name).EnsureSuccess("ip netns add");
        try
        {
            Assert.Contains(NetNamespaceStore.List(), n => n.Name == name);
            using (var client = RtnetlinkClient.Open(name))
            {
                client.Links.Add(Link.Of("va", new VethParameters("vb")));
                Assert.Equal(new[] { "lo", "va", "vb" }, client.Links.List().Select(l => l.Name).Order());
            }

            Assert.NotNull(IpOracle.Link(name, "va"));
            Assert.Equal(Readlink(name), NamespaceThread.NamespaceId(NetNamespace.Named(name)));
        }
        finally
        {
            Command.Ip(null, "netns", "delete", name).EnsureSuccess("ip netns delete");
        }

        Assert.DoesNotContain(NetNamespaceStore.List(), n => n.Name == name);
        Assert.False(NetNamespaceStore.Exists(name));
    }

    [Fact]
    public void OpensByPathAndByTheProcessInside()
    {
        using var ns = new TestNamespace("open");
        using (var byName = ns.Connect())
        {
            byName.Links.Add(Link.Of("marker0", new VethParameters("marker1")));
        }

        using var holder = Command.Start("ip", "netns", "exec", ns.Name, Command.Tool("sleep"), "30");
        try
        {
            var byPid = NetNamespace.OfProcess(holder.Id);
            var expected = NamespaceThread.NamespaceId(ns.Namespace);
            Assert.True(SpinWait.SpinUntil(() => NamespaceThread.NamespaceId(byPid) == expected, TimeSpan.FromSeconds(5)), "the process never entered the namespace");

            using var viaPid = RtnetlinkClient.Open(byPid);
            using var viaPath = RtnetlinkClient.Open(Path.Combine(NetNamespaceStore.Directory, ns.Name));

            Assert.NotNull(viaPid.Links.Find("marker0"));
            Assert.NotNull(viaPath.Links.Find("marker0"));
            Assert.Equal(ns.Namespace.Path, viaPath.Namespace.Path);
            Assert.Null(viaPath.Namespace.Name);
        }
        finally
        {
            holder.Kill();
            holder.WaitForExit();
        }
    }

    private static string UniqueName() => $"ipt-life-{Guid.NewGuid():N}"[..17];

    private static List<string> IpNetnsList() =>
        Command.Ip(null, "netns", "list").EnsureSuccess("ip netns list").Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ')[0])
            .ToList();

    private static string Readlink(string netns) =>
        Command.Run("ip", "netns", "exec", netns, Command.Tool("readlink"), "/proc/self/ns/net").EnsureSuccess("readlink").Output.Trim();
}
