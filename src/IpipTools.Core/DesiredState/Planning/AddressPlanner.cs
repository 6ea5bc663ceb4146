using IpipTools.Core.Namespaces;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.Topologies;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Routes;
namespace IpipTools.Core.DesiredState.Planning;

/// <summary>
/// Plans addresses: declared ones that are missing are added; IpipTools' own (IFA_PROTO 73)
/// that are no longer declared are removed when pruning; on a link declared Exclusive,
/// every undeclared IPv4 address goes, whoever added it.
/// <para>
/// The kernel drops routes along with an IPv4 address, without a word: those whose source
/// (<c>src</c>) is the address, and, once a device has no IPv4 address left, every route out
/// of it (fib_del_ifaddr, fib_disable_ip). Those routes are planned as removals of their own,
/// run before the address goes, so that the plan (and -WhatIf) names each, a rollback puts
/// them back, and the declared routes among them are added again once the declared
/// addresses are there. Declared addresses come after every removal, so a device whose
/// addresses are all replaced (a mesh node's new address) is left without any in between.
/// </para>
/// </summary>
internal static class AddressPlanner
{
    public static void Plan(PlanContext context)
    {
        foreach (var target in context.Target.Namespaces)
        {
            var ns = context.Working.Get(target.Name);
            var declared = target.Addresses.Select(a => a.Key).ToHashSet();
            var exclusive = target.ExclusiveLinks.ToHashSet();
            var removed = new List<InterfaceAddress>();
            foreach (var address in ns.Addresses.Where(a => !declared.Contains(a.Key)).ToList())
            {
                var reason = exclusive.Contains(address.InterfaceName) ? $"{address.InterfaceName} is exclusive and this address is not declared"
                    : address.IsOwned && context.Options.Prune ? "owned by IpipTools and not in the topology"
                    : null;
                if (reason is null)
                {
                    continue;
                }

                context.Builder.Add(PlanPhase.RemoveAddresses, new RemoveAddress { Namespace = ns.Name, Target = address.Describe(), Reason = reason, Address = address });
                ns.Addresses.Remove(address);
                removed.Add(address);
            }

            PlanRoutesThatGoWith(context, ns, removed);

            foreach (var address in target.Addresses)
            {
                if (ns.Addresses.Any(a => a.Key.Equals(address.Key)))
                {
                    continue;
                }

                if (!ns.Links.ContainsKey(address.InterfaceName))
                {
                    context.Builder.Conflict(ns.Name, address.Describe(), $"the device '{address.InterfaceName}' neither exists nor is declared in {NetNamespace.InWords(ns.Name)}.",
                        "Declare the link, or fix the Device name.");
                    continue;
                }

                context.Builder.Add(PlanPhase.AddAddresses, new AddAddress { Namespace = ns.Name, Target = address.Describe(), Reason = "missing", Address = address });
                ns.Addresses.Add(address);
            }
        }
    }

    /// <summary>
    /// Plans the removal of the routes the kernel would drop with the <paramref name="removed"/>
    /// IPv4 addresses (see the class's remarks), and takes them out of the working state, so
    /// that the route planner adds the declared ones among them again.
    /// </summary>
    private static void PlanRoutesThatGoWith(PlanContext context, WorkingNamespace ns, IReadOnlyList<InterfaceAddress> removed)
    {
        foreach (var address in removed.Where(a => AddressFamilies.Of(a.Address) == AddressFamilies.Inet))
        {
            var stillLocal = ns.Addresses.Any(a => a.Address.Equals(address.Address));
            var deviceLeftBare = !ns.Addresses.Any(a => a.InterfaceName == address.InterfaceName && AddressFamilies.Of(a.Address) == AddressFamilies.Inet);
            var goes = ns.Routes.Where(r => r.Protocol != RouteProtocol.Kernel && AddressFamilies.Of(r.Destination.BaseAddress) == AddressFamilies.Inet
                && ((!stillLocal && address.Address.Equals(r.PreferredSource)) || (deviceLeftBare && r.Device == address.InterfaceName))).ToList();
            foreach (var route in goes)
            {
                var why = deviceLeftBare && route.Device == address.InterfaceName
                    ? $"goes with {address.Describe()}: the kernel removes the routes out of {address.InterfaceName} when it has no IPv4 address left"
                    : $"goes with {address.Describe()}: the kernel removes the routes whose source it is";
                context.Builder.Add(PlanPhase.RemoveRoutes, new RemoveRoute { Namespace = ns.Name, Target = route.ToString(), Reason = why, Route = route }, context.RankOf(ns.Name));
                ns.Routes.Remove(route);
            }
        }
    }
}
