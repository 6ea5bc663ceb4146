using IpipTools.Core.Namespaces;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.Topologies;
namespace IpipTools.Core.DesiredState.Planning;

/// <summary>
/// Plans addresses: declared ones that are missing are added; IpipTools' own (IFA_PROTO 73)
/// that are no longer declared are removed when pruning; on a link declared Exclusive,
/// every undeclared IPv4 address goes, whoever added it.
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
            }

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
}
