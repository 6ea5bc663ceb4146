using IpipTools.Core.DesiredState.Apply;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.Rtnl;
using IpipTools.Core.DesiredState.State;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// The one way into desired state, for the cmdlets (Get-, Test-, Set-IpipTopology,
/// Set-IpipMesh) and for tests alike: read, plan, test, apply, set. Each call takes the
/// <see cref="ClientPool"/> to use, so a plan and its apply share the connections the plan
/// opened (no namespace is opened twice), and a caller can count the change requests a
/// whole operation sent.
/// </summary>
public static class TopologyEngine
{
    /// <summary>The state of <paramref name="namespaceNames"/> ("" for the current one) as a topology; a namespace that does not exist is read as absent.</summary>
    public static Topology Read(IEnumerable<string> namespaceNames, ClientPool clients) => StateReader.Read(namespaceNames, clients);

    /// <summary>Reads every namespace <paramref name="desired"/> touches and plans the way there.</summary>
    public static TopologyPlan Plan(Topology desired, ClientPool clients, PlanOptions? options = null) =>
        TopologyPlanner.Plan(desired, Read(desired.NamespaceNamesInvolved(), clients), options);

    /// <summary>True when the namespaces already are what <paramref name="desired"/> declares (nothing to do, nothing in the way).</summary>
    public static bool Test(Topology desired, ClientPool clients, PlanOptions? options = null) =>
        Plan(desired, clients, options).IsConverged;

    /// <summary>
    /// Applies a plan: refuses one with conflicts, and (unless <see cref="ApplyOptions.CheckFingerprint"/>
    /// is turned off) one made against a state that has changed since; undoes every step if one fails.
    /// </summary>
    public static ApplyResult Apply(TopologyPlan plan, ClientPool clients, ApplyOptions? options = null) => PlanApplier.Apply(plan, clients, options);

    /// <summary>
    /// Plans and applies at once. The plan is made from a read taken just now, so the
    /// fingerprint check is not repeated; a converged topology costs reads only.
    /// </summary>
    public static ApplyResult Set(Topology desired, ClientPool clients, PlanOptions? options = null, Action<PlanStep>? beforeStep = null) =>
        Apply(Plan(desired, clients, options), clients, new ApplyOptions { CheckFingerprint = false, BeforeStep = beforeStep });
}
