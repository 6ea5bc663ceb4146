using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Links;

public sealed partial class LinkOperations
{
    /// <summary>
    /// <paramref name="ends"/> (veth ends of this namespace), each with its peer's name and
    /// namespace in <see cref="Link.KindParameters"/>. The kernel reports a peer only by index
    /// (IFLA_LINK), in another namespace by that namespace's id (IFLA_LINK_NETNSID); the id is
    /// matched to a named namespace, whose link of that index is the peer, read through
    /// <paramref name="connect"/>. A peer in an unnamed namespace stays unknown (null).
    /// </summary>
    /// <param name="all">Every link of this namespace, when the caller has just listed them; null lists them here.</param>
    public IReadOnlyList<Link> WithVethPeers(IReadOnlyList<Link> ends, Func<NetNamespace, RtnetlinkClient> connect, IReadOnlyList<Link>? all = null)
    {
        if (ends.Count == 0)
        {
            return ends;
        }

        var here = (all ?? List()).ToDictionary(l => l.Index, l => l.Name);
        var elsewhere = new Dictionary<int, NetNamespace?>();
        return ends.Select(end =>
        {
            var (peerName, peerNamespace) = end.ParentNamespaceId is int id
                ? PeerElsewhere(end.ParentIndex, elsewhere.TryGetValue(id, out var known) ? known : elsewhere[id] = NamespaceIds.Find(_client, id), connect)
                : (here.GetValueOrDefault(end.ParentIndex), _client.Namespace);
            return end with { KindParameters = new VethParameters(peerName, peerNamespace) };
        }).ToList();
    }

    private static (string? Name, NetNamespace? Namespace) PeerElsewhere(int index, NetNamespace? peerNamespace, Func<NetNamespace, RtnetlinkClient> connect) =>
        peerNamespace is null
            ? (null, null)
            : (connect(peerNamespace).Links.List().FirstOrDefault(l => l.Index == index)?.Name, peerNamespace);
}
