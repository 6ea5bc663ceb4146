using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IpipTools.Completers;

/// <summary>
/// Completes link names in the namespace the command line names with -NetNamespace,
/// else in the session's default namespace; each subclass says which links it offers.
/// </summary>
public abstract class LinkNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Names(NamespaceArgument(fakeBoundParameters), wordToComplete).Select(n => new CompletionResult(n));

    /// <summary>The names starting with <paramref name="word"/>, in the namespace <paramref name="namespaceArgument"/> names.</summary>
    protected abstract IEnumerable<string> Names(string? namespaceArgument, string word);

    private static string? NamespaceArgument(IDictionary bound) =>
        (bound["NetNamespace"] ?? bound["Namespace"])?.ToString();
}
