using System.Collections;
using System.Net;
using IpipTools.Core.Errors;

namespace IpipTools.Topology.Hosts;

/// <summary>
/// A mesh as one list of nodes, each with its block, its underlay address and the host it
/// runs on (<c>@{ Block = '10.42.1.0/24'; Underlay = '172.16.165.33'; HostName = 'node-a' }</c>).
/// Each node is asked for Set-IpipMesh with its own address (Address, or the block's first
/// address, as S6 and Calico give tunl0) and every other node as a peer.
/// </summary>
public static class MeshNodes
{
    public sealed record Node(string HostName, string Block, string Underlay, string Address);

    public static IReadOnlyList<Node> Read(object?[] nodes)
    {
        var read = new List<Node>();
        for (var i = 0; i < nodes.Length; i++)
        {
            var where = $"-Node[{i}]";
            var entry = TopologyData.Unwrap(nodes[i]) as IDictionary
                ?? throw Invalid($"{where} is not a hashtable", "Give each node as @{ Block = '10.42.1.0/24'; Underlay = '172.16.165.33'; HostName = 'node-a' }.");
            var block = Required(entry, "Block", where);
            if (!IPNetwork.TryParse(block, out var network))
            {
                throw Invalid($"{where}: Block '{block}' is not a prefix such as 10.42.1.0/24", "Give the node's block as address/length.");
            }

            var underlay = Required(entry, "Underlay", where);
            if (!IPAddress.TryParse(underlay, out _))
            {
                throw Invalid($"{where}: Underlay '{underlay}' is not an IP address", "Give the node's underlay (host) address, e.g. 172.16.165.33.");
            }

            var hostName = Optional(entry, "HostName") ?? Optional(entry, "Host")
                ?? throw Invalid($"{where} names no host", "Give each node the host it runs on as HostName (a host name or an address ssh reaches).");
            read.Add(new Node(hostName, block, underlay, Optional(entry, "Address") ?? network.BaseAddress.ToString()));
        }

        var twice = read.GroupBy(n => n.HostName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw Invalid($"the host '{twice.Key}' appears twice", "Give each host one node of the mesh.");
        }

        return read;
    }

    /// <summary>The other nodes of the mesh as Set-IpipMesh's -Peer: block → underlay address.</summary>
    public static Hashtable PeersOf(Node node, IEnumerable<Node> all)
    {
        var peers = new Hashtable();
        foreach (var other in all.Where(n => !ReferenceEquals(n, node)))
        {
            peers[other.Block] = other.Underlay;
        }

        return peers;
    }

    private static string Required(IDictionary entry, string key, string where) =>
        Optional(entry, key) ?? throw Invalid($"{where} has no {key}", $"Give each node its {key}.");

    private static string? Optional(IDictionary entry, string key)
    {
        foreach (DictionaryEntry item in entry)
        {
            if (string.Equals(item.Key?.ToString(), key, StringComparison.OrdinalIgnoreCase))
            {
                return TopologyData.Unwrap(item.Value)?.ToString() is { Length: > 0 } text ? text : null;
            }
        }

        return null;
    }

    private static IpipToolsException Invalid(string problem, string action) =>
        new($"The mesh's nodes are not valid: {problem}.", "MeshNodeInvalid", IpipErrorCategory.InvalidArgument, action);
}
