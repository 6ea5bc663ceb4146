using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Planning;

/// <summary>
/// Plans routes, matched by the kernel's key (table, destination, metric): a missing one is
/// added, an own one that differs is replaced, an own one no longer declared is removed
/// when pruning (or when it leaves an Exclusive link). A route someone else made is left
/// alone: if it already is the declared route it counts as such, and if it differs it is a
/// conflict, since IpipTools neither replaces nor removes what it does not own.
/// </summary>
internal static class RoutePlanner
{
    public static void Plan(PlanContext context)
    {
        foreach (var target in context.Target.Namespaces)
        {
            var ns = context.Working.Get(target.Name);
            var rank = context.RankOf(ns.Name) * 2;
            var declared = target.Routes.Select(r => r.Key).ToHashSet();
            var exclusive = target.ExclusiveLinks.ToHashSet();
            foreach (var route in ns.Routes.Where(r => r.IsOwnedByIpipTools && !declared.Contains(r.Key)).ToList())
            {
                var reason = route.Device is not null && exclusive.Contains(route.Device) ? $"{route.Device} is exclusive and this route is not declared"
                    : context.Options.Prune ? "owned by IpipTools and not in the topology"
                    : null;
                if (reason is null)
                {
                    continue;
                }

                context.Builder.Add(PlanPhase.RemoveRoutes, new RemoveRoute { Namespace = ns.Name, Target = route.ToString(), Reason = reason, Route = route }, context.RankOf(ns.Name));
                ns.Routes.Remove(route);
            }

            foreach (var route in target.Routes)
            {
                PlanRoute(context, ns, route, rank);
            }
        }
    }

    private static void PlanRoute(PlanContext context, WorkingNamespace ns, Route route, int rank)
    {
        var existing = ns.Routes.FirstOrDefault(r => r.Key == route.Key);
        if (existing is null)
        {
            if (route.Device is not null && !ns.Links.ContainsKey(route.Device))
            {
                context.Builder.Conflict(ns.Name, route.ToString(), $"the device '{route.Device}' neither exists nor is declared in {NetNamespace.InWords(ns.Name)}.",
                    "Declare the link, or fix the Device name.");
                return;
            }

            context.Builder.Add(PlanPhase.Routes, new AddRoute { Namespace = ns.Name, Target = route.ToString(), Reason = "missing", Route = route }, rank + 1);
            ns.Routes.Add(route);
            return;
        }

        if (!existing.IsOwnedByIpipTools)
        {
            if (route.IsSatisfiedBy(existing with { Protocol = route.Protocol }))
            {
                return; // already there as declared; it stays whoever's it is, and is never pruned
            }

            var owner = existing.Protocol == RouteProtocol.Kernel ? "the kernel, for an address on a device" : $"someone else (proto {existing.Protocol.ToIpString()})";
            context.Builder.Conflict(ns.Name, route.ToString(),
                $"a route with the same destination, table and metric already exists ({existing}), made by {owner}; IpipTools does not replace routes it does not own.",
                "Remove that route yourself, or give the declared route another Metric.");
            return;
        }

        if (route.IsSatisfiedBy(existing))
        {
            return;
        }

        context.Builder.Add(PlanPhase.Routes,
            new ReplaceRoute { Namespace = ns.Name, Target = route.ToString(), Reason = string.Join(", ", route.Differences(existing)), Route = route, Previous = existing }, rank);
        ns.Routes[ns.Routes.IndexOf(existing)] = route;
    }
}
