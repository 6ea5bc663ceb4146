using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;

namespace IpipTools.Core.Commands;

/// <summary>The namespace cmdlets' operations: New/Get/Remove-NetNamespace and Enter/Exit-NetNamespace.</summary>
public static class NamespaceCommands
{
    /// <summary>
    /// What New-NetNamespace would do. The name is checked first (<see cref="NetNamespace.Named"/>):
    /// -WhatIf must not show a path outside /run/netns, and refuses as the real run does.
    /// </summary>
    public static ChangeDescription DescribeNew(string name) =>
        new($"network namespace '{name}'", $"Create network namespace (bind mount at {NetNamespace.Named(name).Path})");

    public static NetNamespace New(string name) => NetNamespaceStore.Create(name);

    /// <summary>The named namespaces (like <c>ip netns list</c>), optionally by name or wildcard; an exact name must exist.</summary>
    public static IReadOnlyList<NetNamespace> Get(string? name = null)
    {
        var pattern = NamePattern.Of(name);
        if (pattern.IsExact)
        {
            return new[] { NetNamespace.Parse(pattern.Text).MustExist() };
        }

        return NetNamespaceStore.List().Where(n => pattern.Matches(n.Name!)).ToList();
    }

    /// <summary>
    /// The namespaces each of <paramref name="names"/> selects, in order (null: all). A
    /// name that selects nothing goes to <paramref name="onFailure"/> and the rest are
    /// still listed, as Get-ChildItem does with several paths.
    /// </summary>
    public static IReadOnlyList<NetNamespace> Get(IReadOnlyList<string>? names, Action<Exception> onFailure)
    {
        if (names is null)
        {
            return Get();
        }

        var found = new List<NetNamespace>();
        foreach (var name in names)
        {
            try
            {
                found.AddRange(Get(name));
            }
            catch (Exception e) when (ErrorReport.IsReportable(e))
            {
                onFailure(e);
            }
        }

        return found;
    }

    /// <summary>What Remove-NetNamespace would do; a bad name is refused first, as in <see cref="DescribeNew"/>.</summary>
    public static ChangeDescription DescribeRemove(string name)
    {
        NamespaceName.Validate(name);
        return new($"network namespace '{name}'", "Remove network namespace (links inside it go when the last process leaves)");
    }

    public static void Remove(string name) => NetNamespaceStore.Delete(name);

    public static ChangeDescription DescribeEnter(string nameOrPath) =>
        new($"network namespace '{nameOrPath}'", "Make the session's default namespace (no thread moves)");

    public static NetNamespace Enter(object? session, string nameOrPath) => NamespaceSession.For(session).Enter(nameOrPath);

    public static NetNamespace Exit(object? session) => NamespaceSession.For(session).Exit();

    /// <summary>What a cmdlet's -NetNamespace argument names in <paramref name="session"/>.</summary>
    public static NetNamespace Resolve(object? session, string? nameOrPath) => NamespaceSession.For(session).Resolve(nameOrPath);
}
