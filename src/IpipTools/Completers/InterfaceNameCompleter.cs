using System.Management.Automation.Runspaces;
using IpipTools.Core.Commands;

namespace IpipTools.Completers;

/// <summary>Completes every link name: for parameters that take any device (addresses, routes, underlays).</summary>
public sealed class InterfaceNameCompleter : LinkNameCompleter
{
    protected override IEnumerable<string> Names(string? namespaceArgument, string word) =>
        Completion.InterfaceNames(Runspace.DefaultRunspace, namespaceArgument, word);
}
