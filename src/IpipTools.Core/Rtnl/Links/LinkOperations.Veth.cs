using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Links;

public sealed partial class LinkOperations
{
    /// <summary>
    /// <paramref name="ends"/> (veth ends of this namespace), each with its peer's name and
    /// namespace in <see cref="Link.KindParameters"/>. The kernel reports a peer only by index
    /// (IFLA_LINK), in another namespace by that namespace's id (IFLA_LINK_NETNSID); the id is
    /// matched to a named namespace, whose links, read through <paramref name="connect"/>, hold
    /// the peer (see <see cref="VethPeers"/>). A peer in an unnamed namespace stays unknown (null).
    /// </summary>
    /// <param name="all">Every link of this namespace, when the caller has just listed them; null lists them here.</param>
    public IReadOnlyList<Link> WithVethPeers(IReadOnlyList<Link> ends, Func<NetNamespace, RtnetlinkClient> connect, IReadOnlyList<Link>? all = null)
    {
        if (ends.Count == 0)
        {
            return ends;
        }

        var here = all ?? List();
        var elsewhere = new Dictionary<int, NetNamespace?>();
        return ends.Select(end =>
        {
            var peerNamespace = end.ParentNamespaceId is int id
                ? elsewhere.TryGetValue(id, out var known) ? known : elsewhere[id] = NamespaceIds.Find(_client, id)
                : _client.Namespace;
            IReadOnlyList<Link> candidates = peerNamespace is null ? [] : end.ParentNamespaceId is null ? here : connect(peerNamespace).Links.List();
            var peerName = VethPeers.TryFind(candidates, l => l, l => l.Index == end.Index && end.ParentNamespaceId is null, end, out var peer) ? peer.Name : null;
            return end with { KindParameters = new VethParameters(peerName, peerNamespace) };
        }).ToList();
    }
}
