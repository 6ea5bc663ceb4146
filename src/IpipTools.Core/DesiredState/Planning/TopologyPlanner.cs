using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.State;
using IpipTools.Core.DesiredState.Topologies;
namespace IpipTools.Core.DesiredState.Planning;

/// <summary>
/// Diffs a desired topology against read state into an ordered plan. Pure: it reads no
/// kernel state itself (the caller passes what <see cref="StateReader"/> read), so every
/// decision can be tested with made-up states.
/// </summary>
public static class TopologyPlanner
{
    public static TopologyPlan Plan(Topology desired, Topology observed, PlanOptions? options = null)
    {
        options ??= PlanOptions.Default;
        var context = new PlanContext(TargetState.From(desired), new WorkingState(observed), options);

        PlanNamespaces(context);
        LinkPlanner.Plan(context);
        AddressPlanner.Plan(context);
        RoutePlanner.Plan(context);

        return new TopologyPlan
        {
            Namespaces = observed.Namespaces.Select(n => n.Name).ToList(),
            Fingerprint = StateFingerprint.Compute(observed),
            Prune = options.Prune,
            Steps = context.Builder.OrderedSteps(),
            Conflicts = context.Builder.Conflicts.ToList(),
        };
    }

    private static void PlanNamespaces(PlanContext context)
    {
        foreach (var target in context.Target.Namespaces)
        {
            var ns = context.Working.Get(target.Name);
            if (!ns.Exists)
            {
                context.Builder.Add(PlanPhase.CreateNamespaces, new CreateNamespace
                {
                    Namespace = target.Name,
                    Target = target.Name,
                    Reason = "missing",
                });
                ns.Exists = true;
                ns.IsNew = true;
                ns.Forwarding = false; // a new namespace starts with forwarding off
            }

            if (target.Forwarding is bool forwarding && forwarding != ns.Forwarding)
            {
                context.Builder.Add(PlanPhase.Forwarding, new SetForwarding
                {
                    Namespace = target.Name,
                    Target = "net.ipv4.ip_forward",
                    Reason = $"{(ns.Forwarding ? 1 : 0)} → {(forwarding ? 1 : 0)}",
                    Enabled = forwarding,
                });
                ns.Forwarding = forwarding;
            }
        }
    }
}

/// <summary>What the planner's parts share: the target, the working state, the steps so far and the options.</summary>
internal sealed class PlanContext
{
    public PlanContext(TargetState target, WorkingState working, PlanOptions options)
    {
        Target = target;
        Working = working;
        Options = options;
    }

    public TargetState Target { get; }

    public WorkingState Working { get; }

    public PlanOptions Options { get; }

    public PlanBuilder Builder { get; } = new();

    /// <summary>Position of a namespace in the target, used to keep a namespace's steps together (and batched).</summary>
    public int RankOf(string namespaceName)
    {
        for (var i = 0; i < Target.Namespaces.Count; i++)
        {
            if (Target.Namespaces[i].Name == namespaceName)
            {
                return i;
            }
        }

        return Target.Namespaces.Count;
    }
}
