using System.Management.Automation.Runspaces;
using IpipTools.Core.Commands;

namespace IpipTools.Completers;

/// <summary>Completes veth names only: for the veth pair cmdlets.</summary>
public sealed class VethNameCompleter : LinkNameCompleter
{
    protected override IEnumerable<string> Names(string? namespaceArgument, string word) =>
        Completion.VethNames(Runspace.DefaultRunspace, namespaceArgument, word);
}
