using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.TestSupport;

/// <summary>
/// Builds a reference scenario out of namespaces: every "host" of the documents becomes a
/// <see cref="LabNode"/>, and a "router" (the documents' root namespace) one more, so a
/// scenario never touches the namespace the tests run in and many run side by side.
/// Everything is made through IpipTools; iproute2 is left to the tests as the oracle.
/// <see cref="TearDown"/> removes what was built and proves nothing is left; Dispose, for a
/// test that failed half-way, only deletes the namespaces (their links go with them).
/// </summary>
public sealed class LabBuilder : IDisposable
{
    private static readonly string[] TunnelKinds = { "ipip", "gre", "sit" };

    private readonly List<LabNode> _nodes = new();
    private readonly string _scenario;
    private readonly IReadOnlySet<string> _callerLinks;
    private bool _tornDown;

    /// <param name="scenario">A short tag for the namespace names, e.g. "s3".</param>
    public LabBuilder(string scenario)
    {
        _scenario = scenario;
        using var caller = RtnetlinkClient.Open();
        _callerLinks = caller.Links.List().Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<LabNode> Nodes => _nodes;

    /// <summary>A host: a new namespace with lo up.</summary>
    public LabNode Host(string role)
    {
        var testNamespace = new TestNamespace($"{_scenario}-{role}");
        LabNode node;
        try
        {
            testNamespace.LoopbackUp();
            node = new LabNode(role, testNamespace);
        }
        catch
        {
            testNamespace.Dispose();
            throw;
        }

        _nodes.Add(node);
        return node;
    }

    /// <summary>A router: a host that forwards IPv4 (net.ipv4.ip_forward=1).</summary>
    public LabNode Router(string role)
    {
        var node = Host(role);
        Ipv4Forwarding.Set(node.Namespace.Namespace, true);
        return node;
    }

    /// <summary>A switch: a host holding one bridge, up, for a shared segment (<see cref="Plug"/>).</summary>
    public LabNode Switch(string role, string bridge)
    {
        var node = Host(role);
        node.Client.Links.Add(Link.Of(bridge, new BridgeParameters()) with { IsUp = true });
        return node;
    }

    /// <summary>
    /// A veth pair from <paramref name="a"/> to <paramref name="b"/>, both ends up, each end
    /// given its address ("192.168.6.101/24") unless null.
    /// </summary>
    public void Wire(LabNode a, string aDevice, string? aAddress, LabNode b, string bDevice, string? bAddress)
    {
        a.Client.Links.Add(Link.Of(aDevice, new VethParameters(bDevice, b.Namespace.Namespace)) with { IsUp = true });
        b.SetUp(bDevice);
        if (aAddress is not null)
        {
            a.AddAddress(aDevice, aAddress);
        }

        if (bAddress is not null)
        {
            b.AddAddress(bDevice, bAddress);
        }
    }

    /// <summary>Connects <paramref name="host"/> to the bridge of a <see cref="Switch"/> through port <paramref name="port"/>.</summary>
    public void Plug(LabNode host, string hostDevice, string hostAddress, LabNode @switch, string bridge, string port)
    {
        Wire(host, hostDevice, hostAddress, @switch, port, null);
        @switch.Client.Links.SetMaster(port, bridge);
    }

    /// <summary>
    /// Removes every link the scenario added (tunnels first, then bridges and veths) through
    /// IpipTools, then the namespaces, and checks with iproute2 that each node was back to its
    /// initial links, that no namespace of the lab is left, and that the caller's namespace
    /// has the links it had before. Throws listing whatever is left.
    /// </summary>
    public void TearDown()
    {
        var problems = new List<string>();
        foreach (var node in _nodes)
        {
            RemoveAddedLinks(node, problems);
            var left = LinkNames(node.Name).Except(node.InitialLinks).Order(StringComparer.Ordinal).ToList();
            if (left.Count > 0)
            {
                problems.Add($"{node} still has {string.Join(", ", left)}");
            }
        }

        DeleteNamespaces(problems);
        // What `ip netns list` lists: the files under /run/netns.
        problems.AddRange(_nodes.Where(n => File.Exists(Path.Combine(NetNamespaceStore.Directory, n.Name))).Select(n => $"namespace {n.Name} ({n.Role}) still exists"));
        var callerNow = LinkNames(null);
        if (!callerNow.SetEquals(_callerLinks))
        {
            problems.Add($"the caller's namespace changed: added {string.Join(", ", callerNow.Except(_callerLinks))}; removed {string.Join(", ", _callerLinks.Except(callerNow))}");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"lab {_scenario} left things behind: {string.Join("; ", problems)}");
        }
    }

    public void Dispose()
    {
        if (!_tornDown)
        {
            DeleteNamespaces(new List<string>());
        }
    }

    private static void RemoveAddedLinks(LabNode node, List<string> problems)
    {
        var added = node.Client.Links.List().Where(l => !node.InitialLinks.Contains(l.Name))
            .OrderBy(l => TunnelKinds.Contains(l.Kind) ? 0 : 1)
            .ToList();
        foreach (var link in added)
        {
            try
            {
                // Deleting one end of a veth takes the other with it, maybe already gone.
                if (node.Client.Links.Find(link.Name) is null)
                {
                    continue;
                }

                if (TunnelKinds.Contains(link.Kind))
                {
                    node.Client.Tunnels.Delete(link.Name);
                }
                else
                {
                    node.Client.Links.Delete(link.Name);
                }
            }
            catch (IpipToolsException e)
            {
                problems.Add($"{node}: cannot delete {link.Name}: {e.Message}");
            }
        }
    }

    private void DeleteNamespaces(List<string> problems)
    {
        _tornDown = true;
        foreach (var node in _nodes)
        {
            try
            {
                node.Disconnect();
                node.Namespace.Dispose();
            }
            catch (Exception e) when (e is IpipToolsException or IOException)
            {
                problems.Add($"cannot delete namespace {node.Name} ({node.Role}): {e.Message}");
            }
        }
    }

    /// <summary>The link names iproute2 reports in a namespace (null: the caller's).</summary>
    private static IReadOnlySet<string> LinkNames(string? netns) =>
        IpOracle.Links(netns).EnumerateArray().Select(l => l.String("ifname")!).ToHashSet(StringComparer.Ordinal);
}
