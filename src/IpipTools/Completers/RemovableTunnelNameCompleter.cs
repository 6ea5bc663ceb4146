using System.Management.Automation.Runspaces;
using IpipTools.Core.Commands;

namespace IpipTools.Completers;

/// <summary>
/// Completes the names of tunnels that can be removed: Remove-IpipTunnel offers no fallback
/// device (tunl0, gre0, sit0), which the kernel refuses to delete.
/// </summary>
public sealed class RemovableTunnelNameCompleter : LinkNameCompleter
{
    protected override IEnumerable<string> Names(string? namespaceArgument, string word) =>
        Completion.RemovableTunnelNames(Runspace.DefaultRunspace, namespaceArgument, word);
}
