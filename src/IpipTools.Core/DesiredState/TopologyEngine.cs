using IpipTools.Core.Rtnl;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// The desired-state entry points the module's cmdlets call: read, plan, test, apply, set.
/// Each takes the <see cref="ClientPool"/> to use, so a caller (or a test) can count the
/// change requests a whole operation sent.
/// </summary>
public static class TopologyEngine
{
    /// <summary>Reads every namespace <paramref name="desired"/> touches and plans the way there.</summary>
    public static TopologyPlan Plan(Topology desired, ClientPool clients, PlanOptions? options = null) =>
        TopologyPlanner.Plan(desired, StateReader.Read(desired.NamespaceNamesInvolved(), clients), options);

    /// <summary>True when the namespaces already are what <paramref name="desired"/> declares (nothing to do, nothing in the way).</summary>
    public static bool Test(Topology desired, ClientPool clients, PlanOptions? options = null) =>
        Plan(desired, clients, options).IsConverged;

    /// <summary>
    /// Plans and applies at once. The plan is made from a read taken just now, so the
    /// fingerprint check is not repeated; a converged topology costs reads only.
    /// </summary>
    public static ApplyResult Set(Topology desired, ClientPool clients, PlanOptions? options = null, Action<PlanStep>? beforeStep = null)
    {
        var plan = Plan(desired, clients, options);
        return PlanApplier.Apply(plan, clients, new ApplyOptions { CheckFingerprint = false, BeforeStep = beforeStep });
    }
}
