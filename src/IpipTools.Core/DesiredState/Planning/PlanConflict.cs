using IpipTools.Core.Namespaces;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Planning;

/// <summary>
/// Something the topology asks for that IpipTools will not do on its own, because it would
/// take over or destroy what it does not own (a link of that name made by someone else, a
/// route with the same key from another protocol) or cannot be done at all (tunl0 missing).
/// A plan with conflicts is never applied.
/// </summary>
public sealed record PlanConflict(string Namespace, string Target, string Problem, string RecommendedAction)
{
    public override string ToString() => $"{Target} in {NetNamespace.InWords(Namespace)}: {Problem} {RecommendedAction}";
}
