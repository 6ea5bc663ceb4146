using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Links;

/// <summary>
/// Finds the other end of a read veth. The kernel reports a veth's peer only by index
/// (IFLA_LINK, an index in the peer's namespace), so the peer is the one veth among the
/// candidates whose index is this end's IFLA_LINK and whose IFLA_LINK is this end's index.
/// Indexes repeat across namespaces, so when several match the answer is "unknown" rather
/// than a guess that could pair (or restore) the wrong links.
/// </summary>
public static class VethPeers
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/>, as read, are the two ends of one pair.</summary>
    public static bool AreEnds(Link a, Link b) =>
        IsEnd(a) && IsEnd(b) && a.Index != 0 && b.Index != 0 && a.LinkedIndex == b.Index && b.LinkedIndex == a.Index;

    /// <summary>
    /// The other end of <paramref name="veth"/> among <paramref name="candidates"/> (each seen as a
    /// link through <paramref name="linkOf"/>; <paramref name="isSelf"/> tells <paramref name="veth"/>
    /// itself apart): true when exactly one matches.
    /// </summary>
    public static bool TryFind<T>(IEnumerable<T> candidates, Func<T, Link> linkOf, Func<T, bool> isSelf, Link veth, out T peer)
    {
        var matches = Matches(candidates, linkOf, isSelf, veth);
        peer = matches.Count == 1 ? matches[0] : default!;
        return matches.Count == 1;
    }

    /// <summary>The candidates that could be the other end: none, one (the peer), or, when indexes repeat, the first two found.</summary>
    public static IReadOnlyList<T> Matches<T>(IEnumerable<T> candidates, Func<T, Link> linkOf, Func<T, bool> isSelf, Link veth) =>
        candidates.Where(c => !isSelf(c) && AreEnds(veth, linkOf(c))).Take(2).ToList();

    /// <summary>Whether <paramref name="link"/> is of a kind made in pairs.</summary>
    private static bool IsEnd(Link link) => LinkKindRegistry.Find(link.Kind) is IPairKind;
}
