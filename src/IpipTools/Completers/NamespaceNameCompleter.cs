using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using IpipTools.Core.Commands;

namespace IpipTools.Completers;

/// <summary>Completes named network namespaces (those under /run/netns).</summary>
public sealed class NamespaceNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.NamespaceNames(wordToComplete).Select(n => new CompletionResult(n));
}
