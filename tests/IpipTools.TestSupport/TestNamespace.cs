using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.TestSupport;

/// <summary>
/// A throwaway named network namespace for one test: created with IpipTools,
/// deleted on dispose whatever happened in the test. Root-namespace veth ends a
/// test makes are registered here too, so they go as well.
/// </summary>
public sealed class TestNamespace : IDisposable
{
    private readonly List<string> _rootLinks = new();

    public TestNamespace(string prefix = "ipt")
    {
        // Short random names: they appear in interface names of some tests too.
        Name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        Namespace = NetNamespaceStore.Create(Name);
    }

    public string Name { get; }

    public NetNamespace Namespace { get; }

    /// <summary>A new connection into this namespace (dispose it).</summary>
    public RtnetlinkClient Connect() => RtnetlinkClient.Open(Namespace);

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
        client.Links.Add(Link.Of(name, new VethParameters(peer)) with { Mtu = mtu, IsUp = true });
        if (peerUp)
        {
            client.Links.SetUp(peer, true);
        }
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
    public bool Ping(string address, string? source = null) => Ping(address, TimeSpan.FromSeconds(3), source);

    /// <summary>
    /// True if one ICMP echo is answered within <paramref name="wait"/>; a short wait
    /// keeps negative checks ("this must not answer") cheap.
    /// </summary>
    public bool Ping(string address, TimeSpan wait, string? source = null)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var arguments = new List<string> { "netns", "exec", Name, Command.Tool("ping"), "-c", "1", "-W", seconds };
        if (source is not null)
        {
            arguments.AddRange(new[] { "-I", source });
        }

        arguments.Add(address);
        return Command.Run("ip", arguments, TimeSpan.FromSeconds(20)).ExitCode == 0;
    }

    public void Dispose()
    {
        foreach (var link in _rootLinks)
        {
            Command.Ip(null, "link", "del", link);
        }

        if (NetNamespaceStore.Exists(Name))
        {
            NetNamespaceStore.Delete(Name);
        }
    }
}
