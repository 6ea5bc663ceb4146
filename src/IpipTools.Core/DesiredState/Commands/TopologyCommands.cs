using IpipTools.Core.Rtnl;
using System.Collections.Specialized;
using IpipTools.Core.Commands;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// The operations behind Get-, Test- and Set-IpipTopology and Set-IpipMesh, so that the
/// cmdlets only bind parameters, ask for confirmation and write what comes back.
/// </summary>
public static class TopologyCommands
{
    /// <summary>
    /// Get-IpipTopology: the state of <paramref name="namespaces"/> (names or paths; none: the
    /// session's namespace) as topology data Set-IpipTopology accepts, as an ordered
    /// hashtable or, with <paramref name="asText"/>, as the text of a .psd1 file. Every
    /// namespace must exist: the state reader would report a missing one as absent, which
    /// exports as an empty topology, a quiet answer to what is almost always a typo.
    /// </summary>
    public static object Export(object? session, IEnumerable<string?>? namespaces, bool ownedOnly, bool asText)
    {
        var names = (namespaces ?? new string?[] { null }).DefaultIfEmpty(null)
            .Select(n => NameOf(NamespaceSession.For(session).Resolve(n).MustExist()))
            .ToList();
        using var clients = new ClientPool();
        var topology = TopologyExporter.Export(StateReader.Read(names, clients), new ExportOptions { OwnedOnly = ownedOnly });
        return asText ? TopologyWriter.ToPowerShellData(topology) : TopologyWriter.ToData(topology);
    }

    /// <summary>The topology of a request, its current namespace ("") renamed to the one the request names.</summary>
    public static Topology Load(TopologyRequest request)
    {
        var topology = request.Path is not null
            ? TopologyLoader.FromFile(request.Resolve(request.Path)!, request.ReadPowerShellData)
            : TopologyLoader.FromObject(request.Data ?? throw new IpipToolsException("No topology was given.", "TopologyMissing", IpipErrorCategory.InvalidArgument,
                    "Give a data file (-Path, .psd1 or .json) or data (-InputObject, a hashtable), or pipe either."),
                "the topology data", request.Unwrap);
        var current = request.CurrentNamespace is null ? TopologyNamespace.Current : NameOf(request.CurrentNamespace);
        return current.Length == 0 ? topology : topology.RenameNamespaces(new Dictionary<string, string> { [TopologyNamespace.Current] = current });
    }

    /// <summary>
    /// The plan of a request: the one given (object or file), or one made now against the
    /// namespaces' current state; saved as JSON when the request says where.
    /// </summary>
    public static TopologyPlan Plan(TopologyRequest request)
    {
        var plan = request.Plan
            ?? (request.PlanPath is not null ? TopologyPlan.FromJson(File.ReadAllText(request.Resolve(request.PlanPath)!)) : null)
            ?? MakePlan(Load(request), request.Prune);
        if (request.SavePlan is not null)
        {
            File.WriteAllText(request.Resolve(request.SavePlan)!, plan.ToJson());
        }

        return plan;
    }

    /// <summary>Test-IpipTopology: whether the state is the topology, or with <paramref name="detailed"/> each difference (plan steps and conflicts).</summary>
    public static IEnumerable<object> Test(TopologyRequest request, bool detailed)
    {
        var plan = Plan(request);
        return detailed ? plan.Steps.Cast<object>().Concat(plan.Conflicts) : new object[] { plan.IsConverged };
    }

    /// <summary>Whether Set-IpipTopology should apply the plan for <paramref name="request"/> (it does not when asked only to save it).</summary>
    public static bool ShouldApply(TopologyRequest request) => request.SavePlan is null;

    public static ChangeDescription DescribeApply(TopologyPlan plan) => new(
        string.Join(", ", plan.Namespaces.Select(TopologyNamespace.Describe)),
        plan.IsConverged ? "Apply topology (already converged: nothing to do)"
            : plan.Steps.Count == 0 ? $"Apply topology plan: no step to apply, and {Wording.Count(plan.Conflicts.Count, "conflict")} in the way"
            : $"Apply topology plan: {Wording.Count(plan.Steps.Count, "step")} ({string.Join(", ", plan.Steps.GroupBy(s => s.Action).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))})"
              + (plan.Conflicts.Count > 0 ? $", {Wording.Count(plan.Conflicts.Count, "conflict")} that stop{(plan.Conflicts.Count == 1 ? "s" : string.Empty)} it" : string.Empty));

    /// <summary>
    /// Applies a plan; one that was given (not made just now) is first checked against the
    /// namespaces' current state. <paramref name="report"/> hears each step before it is sent.
    /// </summary>
    public static ApplyResult Apply(TopologyPlan plan, TopologyRequest request, Action<string>? report = null)
    {
        using var clients = new ClientPool();
        return PlanApplier.Apply(plan, clients, new ApplyOptions
        {
            CheckFingerprint = request.HasPlan,
            BeforeStep = report is null ? null : step => report(step.ToString()),
        });
    }

    /// <summary>Set-IpipMesh: the plan that makes one node's mesh view what <paramref name="request"/> says.</summary>
    public static TopologyPlan PlanMesh(MeshRequest request)
    {
        var spec = new MeshSpec
        {
            Namespace = NameOf(request.Namespace),
            Device = request.Device,
            Address = request.Address,
            Peers = MeshPeers.Read(ObjectDataReader.Read(request.Peers ?? Array.Empty<object>(), "-Peer", request.Unwrap)),
            RouteMtu = request.RouteMtu,
            DeviceMtu = request.DeviceMtu,
            Table = (Rtnl.Routes.RouteTable?)request.Table ?? Rtnl.Routes.RouteTable.Main,
        };
        return MakePlan(MeshTopology.Generate(spec), prune: false);
    }

    /// <summary>Applies a plan made just now (Set-IpipMesh).</summary>
    public static ApplyResult ApplyFresh(TopologyPlan plan, Action<string>? report = null) => Apply(plan, new TopologyRequest(), report);

    private static TopologyPlan MakePlan(Topology topology, bool prune)
    {
        using var clients = new ClientPool();
        return TopologyEngine.Plan(topology, clients, new PlanOptions { Prune = prune });
    }

    private static string NameOf(NetNamespace ns) => ns.IsCallerNamespace ? TopologyNamespace.Current : ns.Name ?? ns.Path!;
}
