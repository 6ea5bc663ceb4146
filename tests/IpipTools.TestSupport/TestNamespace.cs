using IpipTools.Core.Fixtures;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.TestSupport;

/// <summary>
/// A throwaway namespace for one test, as the kernel makes it (lo down): the core's
/// <see cref="NamespaceFixture"/> (the one namespace maker, shared with the labs and the
/// fixture cmdlets) seen from a test, with the iproute2 side a test needs (ip netns exec,
/// ip -n, ping). Deleted on dispose whatever happened in the test; root-namespace veth ends
/// a test makes are registered here too, so they go as well.
/// </summary>
public sealed class TestNamespace : IDisposable
{
    private readonly List<string> _rootLinks = new();
    private readonly NamespaceFixture _fixture;

    public TestNamespace(string prefix = "ipt")
    {
        _fixture = NamespaceFixture.Create(prefix, loopbackUp: false);
    }

    public string Name => _fixture.Namespace;

    public NetNamespace Namespace => _fixture.Target();

    /// <summary>A new connection into this namespace (dispose it).</summary>
    public RtnetlinkClient Connect() => _fixture.Connect();

    /// <summary>Deletes a link in the root namespace when this namespace is disposed.</summary>
    public void CleanUpRootLink(string name) => _rootLinks.Add(name);

    /// <summary>
    /// Adds a veth pair <paramref name="name"/> — <paramref name="peer"/>, both ends here, through
    /// <paramref name="client"/> (which may be a recording one), <paramref name="name"/> up and,
    /// unless <paramref name="peerUp"/> is false, <paramref name="peer"/> up too: the device most
    /// tests send out of or bind to.
    /// </summary>
    public static void AddVethPair(RtnetlinkClient client, string name, string peer, int? mtu = null, bool peerUp = true)
    {
        client.Links.Add(Link.Of(name, new VethParameters(peer) { PeerIsUp = peerUp }) with { Mtu = mtu, IsUp = true });
    }

    /// <summary>Brings `lo` up, which ping to the namespace's own addresses needs.</summary>
    public void LoopbackUp()
    {
        using var client = Connect();
        client.Links.SetUp("lo", true);
    }

    /// <summary>Runs a command inside the namespace (`ip netns exec`), for ping and captures.</summary>
    public Command.Result Exec(params string[] command) =>
        Command.Run("ip", new[] { "netns", "exec", Name }.Concat(command).ToArray());

    /// <summary>`ip -n NAME ARGS...` (the oracle, or iproute2 making something for us to read).</summary>
    public Command.Result Ip(params string[] arguments) => Command.Ip(Name, arguments);

    /// <summary>True if one ICMP echo to <paramref name="address"/> is answered within a few seconds.</summary>
    public bool Ping(string address, string? source = null) => Command.Ping(Name, address, TimeSpan.FromSeconds(3), source);

    /// <summary>
    /// True if one ICMP echo is answered within <paramref name="wait"/>; a short wait
    /// keeps negative checks ("this must not answer") cheap.
    /// </summary>
    public bool Ping(string address, TimeSpan wait, string? source = null) => Command.Ping(Name, address, wait, source);

    public void Dispose()
    {
        foreach (var link in _rootLinks)
        {
            Command.Ip(null, "link", "del", link);
        }

        _fixture.Dispose();
    }
}
