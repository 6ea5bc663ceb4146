using IpipTools.Core.Errors;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.Kinds;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Planning;

/// <summary>
/// Plans the removal of links: IpipTools' own links a topology no longer declares (when
/// pruning), and links that must be recreated. A link is removed together with what the
/// kernel removes with it (its addresses, its routes, its bridge ports' membership, a veth's
/// other end), each as a step of its own, so that undoing the plan restores all of it.
/// </summary>
internal static class LinkRemovalPlanner
{
    /// <summary>Why -Prune removes a link.</summary>
    private const string NotInTopology = "owned by IpipTools and not in the topology";

    /// <summary>Removes IpipTools' own links that no namespace of the topology declares; a kind topologies cannot restore is a conflict instead.</summary>
    public static void PruneOwnedLinks(PlanContext context)
    {
        foreach (var target in context.Target.Namespaces)
        {
            var ns = context.Working.Get(target.Name);
            foreach (var stray in ns.Links.Values.Where(l => l.IsOwned && !l.IsFallbackTunnel && target.Find(l.Name) is null).ToList())
            {
                if (!ns.Links.ContainsKey(stray.Name))
                {
                    continue; // went with a veth peer removed just before
                }

                // Every kind topologies manage can be created again exactly as read, and so may be removed.
                if (TopologyKinds.Find(stray.Kind) is null)
                {
                    context.Builder.Conflict(ns.Name, stray.Describe(),
                        $"it carries IpipTools' alias but is {Wording.WithArticle(stray.Kind ?? "device without a kind")}, which topologies do not manage, so it cannot be restored if the plan fails; it is left alone.",
                        "Remove it yourself if it is no longer wanted, or clear its alias.");
                    continue;
                }

                RemoveWithDependents(context, ns, stray, NotInTopology, replacement: null);
            }
        }
    }

    /// <summary>
    /// Removes <paramref name="link"/> (or, given a <paramref name="replacement"/>, recreates it as that), first
    /// planning the removal of everything the kernel would remove with it, so each of those
    /// is undone on its own if the plan fails. A veth whose other end cannot be found among
    /// the namespaces read is refused: it could not be put back.
    /// </summary>
    internal static void RemoveWithDependents(PlanContext context, WorkingNamespace ns, TopologyLink link, string reason, TopologyLink? replacement)
    {
        var ends = new List<(WorkingNamespace Namespace, TopologyLink Link)> { (ns, link) };
        var previous = link;
        TopologyLink? previousPeer = null;
        if (TopologyKinds.IsPair(link.Kind))
        {
            var peer = context.Working.FindVethPeer(ns, link);
            if (peer is null)
            {
                OtherEndOutOfSight(context, ns, link, reason, replacement is null ? "removed" : "recreated");
                return;
            }

            ends.Add(peer.Value);
            previous = link.WithPeer(peer.Value.Link.Name, peer.Value.Namespace.Name);
            previousPeer = peer.Value.Link;
        }

        var goesWith = $"goes with {link.Describe()}";
        foreach (var (endNs, end) in ends)
        {
            foreach (var route in endNs.RoutesVia(end.Name).ToList())
            {
                context.Builder.Add(PlanPhase.RemoveRoutes, new RemoveRoute { Namespace = endNs.Name, Target = route.ToString(), Reason = goesWith, Route = route },
                    context.RankOf(endNs.Name));
            }

            endNs.Routes.RemoveAll(r => r.Device == end.Name);
            foreach (var address in endNs.Addresses.Where(a => a.InterfaceName == end.Name).ToList())
            {
                context.Builder.Add(PlanPhase.RemoveAddresses, new RemoveAddress { Namespace = endNs.Name, Target = address.Describe(), Reason = goesWith, Address = address });
                endNs.Addresses.Remove(address);
            }

            foreach (var port in endNs.Links.Values.Where(l => l.Master == end.Name).ToList())
            {
                var freed = port.With(l => l with { Master = null, MasterIndex = 0 });
                context.Builder.Add(PlanPhase.RemoveLinks,
                    new ChangeLink { Namespace = endNs.Name, Target = port.Describe(), Reason = $"master {end.Name} → none ({goesWith})", Link = freed, Previous = port });
                endNs.Links[port.Name] = freed;
            }
        }

        if (replacement is null)
        {
            context.Builder.Add(PlanPhase.RemoveLinks,
                new RemoveLink { Namespace = ns.Name, Target = previous.Describe(), Reason = reason, Link = previous, PeerEnd = previousPeer });
        }
        else
        {
            context.Builder.Add(PlanPhase.RecreateLinks,
                new RecreateLink { Namespace = ns.Name, Target = LinkPlanner.Describe(replacement), Reason = reason, Link = replacement, Previous = previous, PreviousPeerEnd = previousPeer });
        }

        foreach (var (endNs, end) in ends)
        {
            endNs.Links.Remove(end.Name);
        }

        if (replacement is not null)
        {
            LinkPlanner.AddToWorking(context, ns, replacement);
        }
    }

    /// <summary>
    /// A veth is removed or recreated only with its other end in sight, since undoing that
    /// must put the whole pair back. The conflict says which case stops it: the other end is in
    /// a namespace the topology does not name (typically one dropped from the topology, which
    /// stays, since pruning never removes a namespace), or several veths could be it.
    /// </summary>
    private static void OtherEndOutOfSight(PlanContext context, WorkingNamespace ns, TopologyLink link, string reason, string done)
    {
        var removeYourself = $"remove the pair yourself (Remove-VethPair {link.Name}{(ns.Name.Length == 0 ? string.Empty : $" -NetNamespace '{ns.Name}'")})";
        if (context.Working.HasAmbiguousVethPeer(ns, link))
        {
            context.Builder.Conflict(ns.Name, link.Describe(),
                $"it should be {done} ({reason}), but several veths in the namespaces the topology names could be its other end (a veth knows its peer only by an index, and indexes repeat across namespaces), and a pair is {done} only with both ends known, so that a failed plan can put it back whole. It is left as it is.",
                $"{char.ToUpperInvariant(removeYourself[0])}{removeYourself[1..]}, then run the command again.");
            return;
        }

        var pruning = reason == NotInTopology
            ? " -Prune never removes a namespace, not even one a topology created, so a namespace left out of the topology stays with the other end in it."
            : string.Empty;
        context.Builder.Conflict(ns.Name, link.Describe(),
            $"it should be {done} ({reason}), but its other end is in a namespace the topology does not name, and a pair is {done} only with both ends in sight, so that a failed plan can put it back whole. It is left as it is.{pruning}",
            $"Name the other end's namespace in the topology (an entry with just its Name will do) so that both ends are {done} together, or {removeYourself}; remove a namespace no longer wanted with Remove-NetNamespace.");
    }
}
