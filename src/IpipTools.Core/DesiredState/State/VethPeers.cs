using IpipTools.Core.DesiredState.Kinds;
using IpipTools.Core.DesiredState.Topologies;
namespace IpipTools.Core.DesiredState.State;

/// <summary>
/// Finds the other end of a read veth. The kernel reports a veth's peer only by index
/// (IFLA_LINK, an index in the peer's namespace), so the peer is the one veth, among the
/// namespaces read, whose index is this end's IFLA_LINK and whose IFLA_LINK is this end's
/// index. Indexes repeat across namespaces, so when several match the answer is "unknown"
/// rather than a guess that could pair (or restore) the wrong links.
/// </summary>
internal static class VethPeers
{
    public static (TNamespace Namespace, TopologyLink Link)? Find<TNamespace>(
        IEnumerable<(TNamespace Namespace, TopologyLink Link)> candidates, TNamespace ns, TopologyLink veth)
        where TNamespace : class
    {
        if (!TopologyKinds.IsPair(veth.Kind) || veth.Link.Index == 0)
        {
            return null;
        }

        var matches = candidates
            .Where(c => TopologyKinds.IsPair(c.Link.Kind) && c.Link.Link.Index != 0 && c.Link.Link.Index == veth.Link.LinkedIndex && c.Link.Link.LinkedIndex == veth.Link.Index
                && !(ReferenceEquals(c.Namespace, ns) && c.Link.Name == veth.Name))
            .Take(2)
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }
}
