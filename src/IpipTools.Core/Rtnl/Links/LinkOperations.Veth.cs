using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Links;

public sealed partial class LinkOperations
{
    /// <summary>
    /// <paramref name="links"/> with each veth end's peer in <see cref="Link.KindParameters"/>:
    /// its name, namespace and index (other links pass unchanged). The kernel reports a peer
    /// only by index (IFLA_LINK), in another namespace by that namespace's id
    /// (IFLA_LINK_NETNSID); the id is matched to a named namespace, whose link of that index is
    /// the peer, read through <paramref name="connect"/>. A peer in an unnamed namespace stays
    /// unknown (null name and namespace).
    /// </summary>
    /// <param name="all">Every link of this namespace, when the caller has just listed them; null lists them here.</param>
    public IReadOnlyList<Link> WithVethPeers(IReadOnlyList<Link> links, Func<NetNamespace, RtnetlinkClient> connect, IReadOnlyList<Link>? all = null)
    {
        if (!links.Any(l => l.KindParameters is VethParameters))
        {
            return links;
        }

        var here = (all ?? List()).ToDictionary(l => l.Index, l => l.Name);

        // One lookup of the id and one dump per other namespace, however many ends lead there.
        var elsewhere = new Dictionary<int, (NetNamespace? Namespace, Dictionary<int, string> Names)>();
        return links.Select(end =>
        {
            if (end.KindParameters is not VethParameters veth)
            {
                return end;
            }

            var (names, peerNamespace) = (here, (NetNamespace?)_client.Namespace);
            if (end.LinkedNamespaceId is int id)
            {
                if (!elsewhere.TryGetValue(id, out var other))
                {
                    var found = NamespaceIds.Find(_client, id);
                    elsewhere[id] = other = (found, found is null ? new() : connect(found).Links.List().ToDictionary(l => l.Index, l => l.Name));
                }

                (peerNamespace, names) = other;
            }

            var peerName = names.GetValueOrDefault(end.LinkedIndex);
            return end with { KindParameters = veth with { PeerName = peerName, PeerNamespace = peerName is null ? null : peerNamespace, PeerIndex = end.LinkedIndex } };
        }).ToList();
    }

    /// <summary>
    /// <paramref name="links"/> as the cmdlets write them: each with its master's name
    /// (<see cref="WithMasterNames"/>) and, for a veth end, its peer's (<see cref="WithVethPeers"/>),
    /// so that what the kernel gives as indexes reads as names.
    /// </summary>
    /// <param name="all">Every link of this namespace, when the caller has just listed them; null lists them here if needed.</param>
    public IReadOnlyList<Link> WithNames(IReadOnlyList<Link> links, Func<NetNamespace, RtnetlinkClient> connect, IReadOnlyList<Link>? all = null)
    {
        if (all is null && links.Any(l => l.MasterIndex != 0 || l.KindParameters is VethParameters))
        {
            all = List();
        }

        return WithVethPeers(WithMasterNames(links, all), connect, all);
    }
}
