using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using IpipTools.Core.Commands;

namespace IpipTools.Completers;

/// <summary>
/// Completes interface names in the namespace the command line names with
/// -NetNamespace (or -Namespace), else in the session's default namespace.
/// </summary>
public sealed class InterfaceNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.InterfaceNames(Runspace.DefaultRunspace, NamespaceArgument(fakeBoundParameters), wordToComplete)
            .Select(n => new CompletionResult(n));

    private static string? NamespaceArgument(IDictionary bound) =>
        (bound["NetNamespace"] ?? bound["Namespace"])?.ToString();
}
