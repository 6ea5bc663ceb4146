using System.Management.Automation.Runspaces;
using IpipTools.Core.Commands;

namespace IpipTools.Completers;

/// <summary>Completes IP tunnel names (ipip, gre, sit) only, fallback devices included: for Get-/Set-IpipTunnel and the mesh device.</summary>
public sealed class TunnelNameCompleter : LinkNameCompleter
{
    protected override IEnumerable<string> Names(string? namespaceArgument, string word) =>
        Completion.TunnelNames(Runspace.DefaultRunspace, namespaceArgument, word);
}
