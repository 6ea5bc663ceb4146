using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;

namespace IpipTools.Completers;

/// <summary>Completes named network namespaces (those under /run/netns); an error gives no suggestions.</summary>
public sealed class NamespaceNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            return Completions.StartingWith(NetNamespaceStore.List().Select(n => n.Name!), wordToComplete);
        }
        catch (Exception e) when (ErrorReport.IsReportable(e))
        {
            return Array.Empty<CompletionResult>();
        }
    }
}
