using IpipTools.Core.Errors;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.Kinds;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Planning;

/// <summary>
/// Plans links: which to create, recreate, remove (only IpipTools' own), change, and bring
/// up or down. Removals, with what goes with them, are <see cref="LinkRemovalPlanner"/>'s.
/// </summary>
internal static class LinkPlanner
{
    public static void Plan(PlanContext context)
    {
        foreach (var target in context.Target.Namespaces)
        {
            foreach (var link in target.Links)
            {
                if (link.PeerName is null)
                {
                    PlanSingle(context, target, link);
                }
                else if (target.PairDeclarations.Contains(link.Name))
                {
                    PlanPair(context, target, link);
                }
            }
        }

        if (context.Options.Prune)
        {
            LinkRemovalPlanner.PruneOwnedLinks(context);
        }

        foreach (var target in context.Target.Namespaces)
        {
            foreach (var link in target.Links)
            {
                PlanChanges(context, target, link);
            }
        }

        foreach (var target in context.Target.Namespaces)
        {
            foreach (var link in target.Links)
            {
                PlanState(context, target, link);
            }
        }
    }

    private static void PlanSingle(PlanContext context, TargetNamespace target, TopologyLink link)
    {
        var ns = context.Working.Get(target.Name);
        var actual = ns.Links.GetValueOrDefault(link.Name);
        if (link.IsFallbackTunnel || link.Kind is null)
        {
            PlanExistingDevice(context, ns, link, actual);
            return;
        }

        if (actual is null)
        {
            Add(context, ns, link, "missing");
            return;
        }

        var reason = RecreateReason(actual, link);
        if (reason is null)
        {
            return;
        }

        if (!actual.IsOwned)
        {
            context.Builder.Conflict(ns.Name, link.Describe(),
                $"a link named '{link.Name}' exists, but {reason}, and IpipTools did not create it (it has no '{Ownership.LinkAlias}' alias), so it will not delete it.",
                "Remove or rename that link yourself, or name the declared link differently.");
            return;
        }

        LinkRemovalPlanner.RemoveWithDependents(context, ns, actual, reason, replacement: link);
    }

    /// <summary>
    /// A declared device IpipTools does not create: tunl0 (the ipip module makes it, gre0 and sit0 theirs, and it
    /// cannot be changed) or a device of any kind (lo, a NIC). It must be there; only its
    /// state, MTU and bridge are managed.
    /// </summary>
    private static void PlanExistingDevice(PlanContext context, WorkingNamespace ns, TopologyLink link, TopologyLink? actual)
    {
        if (actual is null && ns.IsNew && (link.IsFallbackTunnel || link.Name == "lo"))
        {
            // The kernel puts lo (and the ipip module tunl0) in every new namespace, down; the
            // applier finds out if it did not.
            ns.Links[link.Name] = link.With(l => l with { IsUp = false, Alias = null, Mtu = null, Index = 0 });
            return;
        }

        if (actual is null && link.Kind is null)
        {
            context.Builder.Conflict(ns.Name, link.Describe(), $"there is no device '{link.Name}' in {TopologyNamespace.Describe(ns.Name)}, and a device declared under Devices is never created.",
                "Create the device, or declare it as a veth, bridge or tunnel so IpipTools creates it.");
        }
        else if (actual is null)
        {
            var kind = TopologyKinds.Tunnel(link.Kind!);
            context.Builder.Conflict(ns.Name, link.Describe(),
                $"there is no '{link.Name}' in {TopologyNamespace.Describe(ns.Name)}: the {kind.KernelModule} module, which creates it in every namespace, is not loaded.",
                $"Load it ('modprobe {kind.KernelModule}', or use a kernel with {kind.KernelConfigOption}); Test-IpipSupport tells what is missing.");
        }
        else if (link.Kind is not null && actual.Kind != link.Kind)
        {
            var kind = TopologyKinds.Tunnel(link.Kind);
            context.Builder.Conflict(ns.Name, link.Describe(), $"'{link.Name}' exists but is {Wording.WithArticle(actual.Kind ?? "device without a kind")}, not the {kind.Kind} fallback device.",
                $"Rename that link; the {kind.KernelModule} module needs the name.");
        }
    }

    private static void PlanPair(PlanContext context, TargetNamespace target, TopologyLink link)
    {
        var ns = context.Working.Get(target.Name);
        var (peerName, peerNs) = (link.PeerName!, context.Working.Get(link.PeerNamespace!));
        var end = ns.Links.GetValueOrDefault(link.Name);
        var peerEnd = peerNs.Links.GetValueOrDefault(peerName);
        if (end is null && peerEnd is null)
        {
            Add(context, ns, link, "missing");
            return;
        }

        if (end is not null && TopologyKinds.IsPair(end.Kind) && peerEnd is not null && TopologyKinds.IsPair(peerEnd.Kind) && end.Link.Index != 0
            && end.Link.LinkedIndex == peerEnd.Link.Index && peerEnd.Link.LinkedIndex == end.Link.Index)
        {
            return; // the pair is there
        }

        var reason = end is null ? $"its peer '{peerName}' exists without it"
            : peerEnd is null ? $"'{link.Name}' exists without its peer '{peerName}'"
            : !TopologyKinds.IsPair(end.Kind) ? $"'{link.Name}' is {Wording.WithArticle(end.Kind ?? "device without a kind")}, not {Wording.WithArticle(link.Kind!)}"
            : !TopologyKinds.IsPair(peerEnd.Kind) ? $"'{peerName}' is {Wording.WithArticle(peerEnd.Kind ?? "device without a kind")}, not {Wording.WithArticle(link.Kind!)}"
            : $"'{link.Name}' and '{peerName}' are not each other's peer";
        var existing = new[] { (Namespace: ns, Link: end), (Namespace: peerNs, Link: peerEnd) }.Where(e => e.Link is not null).ToList();
        var foreign = existing.FirstOrDefault(e => !e.Link!.IsOwned);
        if (foreign.Link is not null)
        {
            context.Builder.Conflict(foreign.Namespace.Name, link.Describe(),
                $"the veth pair '{link.Name}'/'{peerName}' cannot be made: {reason}, and '{foreign.Link.Name}' in {TopologyNamespace.Describe(foreign.Namespace.Name)} was not created by IpipTools, so it will not delete it.",
                "Remove or rename that link yourself, or choose other names for the pair.");
            return;
        }

        if (existing.Count == 1)
        {
            // Recreate from the side that exists; the replacement is the same pair seen from there.
            var (side, sideLink) = existing[0];
            var replacement = side == ns && sideLink!.Name == link.Name ? link : TargetState.PeerEnd(link, ns.Name);
            LinkRemovalPlanner.RemoveWithDependents(context, side, sideLink!, reason, replacement);
            return;
        }

        foreach (var (side, sideLink) in existing)
        {
            if (side.Links.ContainsKey(sideLink!.Name))
            {
                LinkRemovalPlanner.RemoveWithDependents(context, side, side.Links[sideLink.Name], reason, replacement: null);
            }
        }

        Add(context, ns, link, "missing");
    }

    private static void PlanChanges(PlanContext context, TargetNamespace target, TopologyLink link)
    {
        var ns = context.Working.Get(target.Name);
        if (ns.Links.GetValueOrDefault(link.Name) is not { } actual)
        {
            return;
        }

        // A device IpipTools did not create keeps its bridge unless one is declared; tunl0's
        // parameters are fixed (the reader refuses any), so only its MTU is compared.
        if (link.Kind is null && link.Master is null)
        {
            link = link.With(l => l with { Master = actual.Master });
        }

        if (link.IsFallbackTunnel)
        {
            link = link.With(l => l with { KindParameters = actual.Link.KindParameters }) with { Underlay = actual.Underlay };
        }

        if (link.Master is not null && !ns.Links.ContainsKey(link.Master))
        {
            context.Builder.Conflict(ns.Name, link.Describe(), $"its bridge '{link.Master}' neither exists nor is declared in {TopologyNamespace.Describe(ns.Name)}.",
                "Declare the bridge in the same namespace, or fix the Master name.");
            return;
        }

        if (link.Underlay is { } underlay && !ns.Links.ContainsKey(underlay))
        {
            context.Builder.Conflict(ns.Name, link.Describe(), $"its underlay device '{underlay}' neither exists nor is declared in {TopologyNamespace.Describe(ns.Name)}.",
                "Declare the underlay link, or fix the Underlay name.");
            return;
        }

        var changes = new List<string>();
        if (link.Link.Mtu is int mtu && mtu != actual.Link.Mtu)
        {
            changes.Add($"mtu {actual.Link.Mtu?.ToString() ?? "unknown"} → {mtu}");
        }

        if (link.Master != actual.Master)
        {
            changes.Add($"master {actual.Master ?? "none"} → {link.Master ?? "none"}");
        }

        if (link.Tunnel is not null && actual.Tunnel is not null)
        {
            changes.AddRange(TunnelSettings.Differences(link, actual));
        }

        if (changes.Count == 0)
        {
            return;
        }

        context.Builder.Add(PlanPhase.ChangeLinks,
            new ChangeLink { Namespace = ns.Name, Target = link.Describe(), Reason = string.Join(", ", changes), Link = link, Previous = actual }, KindRank(link));
        ns.Links[link.Name] = actual.With(l => l with
        {
            Mtu = link.Link.Mtu ?? l.Mtu,
            Master = link.Master,
            KindParameters = link.Tunnel is null ? l.KindParameters : link.Link.KindParameters,
        }) with { Underlay = link.Tunnel is null ? actual.Underlay : link.Underlay };
    }

    private static void PlanState(PlanContext context, TargetNamespace target, TopologyLink link)
    {
        var ns = context.Working.Get(target.Name);
        if (ns.Links.GetValueOrDefault(link.Name) is not { } actual || actual.Up == link.Up)
        {
            return;
        }

        context.Builder.Add(PlanPhase.LinkState,
            new SetLinkState { Namespace = ns.Name, Target = link.Describe(), Reason = link.Up ? "down → up" : "up → down", Device = link.Name, Up = link.Up },
            context.RankOf(ns.Name));
        ns.Links[link.Name] = actual.With(l => l with { IsUp = link.Up });
    }

    /// <summary>Why the kernel cannot turn <paramref name="actual"/> into <paramref name="desired"/> in place; null if it can.</summary>
    internal static string? RecreateReason(TopologyLink actual, TopologyLink desired)
    {
        if (desired.Kind is not null && actual.Kind != desired.Kind)
        {
            return $"it is {Wording.WithArticle(actual.Kind ?? "device without a kind")}, not {Wording.WithArticle(desired.Kind)}";
        }

        if (actual.Tunnel is not { } was || desired.Tunnel is not { } want)
        {
            return null;
        }

        var differences = string.Join(", ", TunnelSettings.Differences(desired, actual));

        // Compared as a topology states them: what it does not model (an inner protocol set by hand) is no reason.
        if (want.FixedAtCreationDifference(TunnelSettings.Stated(was)) is { } setting)
        {
            var (wasPointToPoint, wantPointToPoint) = (was.Remote is not null, want.Remote is not null);
            var direction = wasPointToPoint == wantPointToPoint ? string.Empty
                : wasPointToPoint ? " (a point-to-point tunnel into a tunl0-style one)" : " (a tunl0-style tunnel into a point-to-point one)";
            return $"{differences}: the {setting} is fixed when the tunnel is created, so the kernel cannot change it in place{direction}";
        }

        // ipip_changelink refuses any request that carries collect_metadata, so an external
        // tunnel cannot be changed at all, only made again.
        if (want.CollectMetadata && differences.Length > 0)
        {
            return $"{differences}: the kernel changes no parameter of an external (collect_metadata) tunnel in place";
        }

        return null;
    }

    private static void Add(PlanContext context, WorkingNamespace ns, TopologyLink link, string reason)
    {
        context.Builder.Add(PlanPhase.AddLinks, new CreateLink { Namespace = ns.Name, Target = Describe(link), Reason = reason, Link = link }, KindRank(link));
        AddToWorking(context, ns, link);
    }

    /// <summary>A created link is down, has no addresses, and has the MTU and bridge it was created with; a veth brings its peer.</summary>
    internal static void AddToWorking(PlanContext context, WorkingNamespace ns, TopologyLink link)
    {
        ns.Links[link.Name] = link.With(l => l with { IsUp = false, Index = 0 });
        if (link.PeerName is not null)
        {
            context.Working.Get(link.PeerNamespace!).Links[link.PeerName] = TargetState.PeerEnd(link, ns.Name).With(l => l with { IsUp = false });
        }
    }

    /// <summary>Each kind's place in the order, as its driver gives it: bridges first (ports join them as they are made), then veths (which tunnels may use as underlay), then tunnels.</summary>
    private static int KindRank(TopologyLink link) => TopologyKinds.RankOf(link.Kind);

    internal static string Describe(TopologyLink link) =>
        link.PeerName is null ? link.Describe() : $"{link.Describe()} (peer {link.PeerName} in {TopologyNamespace.Describe(link.PeerNamespace!)})";
}
