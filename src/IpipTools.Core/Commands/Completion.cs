using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;

namespace IpipTools.Core.Commands;

/// <summary>
/// What tab completion offers: interface names of the namespace the command line
/// names (or the session default) and namespace names. Completion must never fail
/// loudly, so any error gives no suggestions.
/// </summary>
public static class Completion
{
    /// <summary>Interface names starting with <paramref name="word"/> in the namespace <paramref name="namespaceArgument"/> names.</summary>
    public static IReadOnlyList<string> InterfaceNames(object? session, string? namespaceArgument, string? word)
    {
        try
        {
            var target = NamespaceCommands.Resolve(session, namespaceArgument);
            using var client = RtnetlinkClient.Open(target);
            return Filter(client.Links.List().Select(l => l.Name), word);
        }
        catch (Exception e) when (Errors.ErrorReport.IsReportable(e))
        {
            return Array.Empty<string>();
        }
    }

    /// <summary>Named namespaces starting with <paramref name="word"/>.</summary>
    public static IReadOnlyList<string> NamespaceNames(string? word)
    {
        try
        {
            return Filter(NetNamespaceStore.List().Select(n => n.Name!), word);
        }
        catch (Exception e) when (Errors.ErrorReport.IsReportable(e))
        {
            return Array.Empty<string>();
        }
    }

    /// <summary>Quotes and wildcards a user may have typed are ignored; matching is by prefix, ordered.</summary>
    internal static IReadOnlyList<string> Filter(IEnumerable<string> names, string? word)
    {
        var prefix = (word ?? string.Empty).Trim('\'', '"').TrimEnd('*');
        return names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }
}
