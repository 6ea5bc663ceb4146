namespace IpipTools.Core.Namespaces;

/// <summary>How messages and objects name a namespace, the same way everywhere.</summary>
public static class NamespaceText
{
    /// <summary>"in namespace 'lab'" or "in the current namespace".</summary>
    public static string Describe(NetNamespace target) =>
        target.IsCallerNamespace ? "in the current namespace" : $"in namespace '{target}'";

    /// <summary>What an object's Namespace property holds: the name, else the path, null for the caller's.</summary>
    public static string? NameOf(NetNamespace target) => target.IsCallerNamespace ? null : target.Name ?? target.Path;
}
