using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Commands;

/// <summary>
/// What tab completion offers: interface names of the namespace the command line
/// names (or the session default) and namespace names. Completion must never fail
/// loudly, so any error gives no suggestions.
/// </summary>
public static class Completion
{
    /// <summary>Interface names starting with <paramref name="word"/> in the namespace <paramref name="namespaceArgument"/> names.</summary>
    public static IReadOnlyList<string> InterfaceNames(object? session, string? namespaceArgument, string? word) =>
        LinkNames(session, namespaceArgument, word, _ => true);

    /// <summary>
    /// The IP tunnels (ipip, gre, sit: the links whose kind data a tunnel driver reads) among
    /// <see cref="InterfaceNames"/>: what the tunnel cmdlets accept by name.
    /// </summary>
    public static IReadOnlyList<string> TunnelNames(object? session, string? namespaceArgument, string? word) =>
        LinkNames(session, namespaceArgument, word, link => link.KindParameters is Ipv4TunnelParameters);

    /// <summary>
    /// The tunnels among <see cref="TunnelNames"/> that can be removed: not the fallback devices
    /// (tunl0, gre0, sit0) a tunnel driver creates in every namespace, which the kernel keeps.
    /// </summary>
    public static IReadOnlyList<string> RemovableTunnelNames(object? session, string? namespaceArgument, string? word) =>
        LinkNames(session, namespaceArgument, word, link => IpTunnel.FromLink(link, _ => null) is { IsFallback: false });

    /// <summary>The veth ends among <see cref="InterfaceNames"/>: what the veth pair cmdlets accept by name.</summary>
    public static IReadOnlyList<string> VethNames(object? session, string? namespaceArgument, string? word) =>
        LinkNames(session, namespaceArgument, word, link => link.Kind == "veth");

    private static IReadOnlyList<string> LinkNames(object? session, string? namespaceArgument, string? word, Func<Link, bool> wanted)
    {
        try
        {
            var target = NamespaceCommands.Resolve(session, namespaceArgument);
            using var client = RtnetlinkClient.Open(target);
            return Filter(client.Links.List().Where(wanted).Select(l => l.Name), word);
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
