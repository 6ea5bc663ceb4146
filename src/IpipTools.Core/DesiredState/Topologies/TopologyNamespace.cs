using IpipTools.Core.Namespaces;

namespace IpipTools.Core.DesiredState.Topologies;

/// <summary>
/// Topologies name namespaces by plain strings; the empty string is the namespace the
/// command runs in (for a host, its root namespace), so names can be dictionary keys
/// and JSON values without a null.
/// </summary>
public static class TopologyNamespace
{
    public const string Current = "";

    public static NetNamespace Resolve(string name) => name.Length == 0 ? NetNamespace.Caller : NetNamespace.Parse(name);

    /// <summary>The name a topology gives <paramref name="ns"/>: "" for the caller's own, else its name (or the path of its file).</summary>
    public static string Of(NetNamespace ns) => ns.IsCallerNamespace ? Current : ns.Name ?? ns.Path!;
}
