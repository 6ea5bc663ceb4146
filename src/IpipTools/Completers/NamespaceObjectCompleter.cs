using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;

namespace IpipTools.Completers;

/// <summary>
/// Completes with what is in the namespace the command line names with -NetNamespace, else
/// in the session's default namespace (links, routes, addresses); each subclass says what it
/// offers, given the parameters already on the line. Completion must never fail loudly, so
/// any error gives no suggestions.
/// </summary>
public abstract class NamespaceObjectCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (!Serves(commandName))
        {
            return Array.Empty<CompletionResult>();
        }

        try
        {
            var target = NamespaceSession.For(Runspace.DefaultRunspace).Resolve(NamespaceArgument(fakeBoundParameters));
            using var client = RtnetlinkClient.Open(target);
            return Completions.StartingWith(Offered(client, fakeBoundParameters).Distinct(), wordToComplete);
        }
        catch (Exception e) when (ErrorReport.IsReportable(e))
        {
            return Array.Empty<CompletionResult>();
        }
    }

    /// <summary>What is offered in the namespace <paramref name="client"/> is connected to.</summary>
    /// <param name="bound">The parameters already on the command line, by name, as typed.</param>
    protected abstract IEnumerable<string> Offered(RtnetlinkClient client, IDictionary bound);

    /// <summary>Whether this completer offers anything to <paramref name="commandName"/> (all of them, unless a subclass says).</summary>
    protected virtual bool Serves(string commandName) => true;

    /// <summary>The text of parameter <paramref name="name"/> on the line, or null when it is not there.</summary>
    protected static string? Argument(IDictionary bound, string name) => bound[name]?.ToString() is { Length: > 0 } text ? text : null;

    private static string? NamespaceArgument(IDictionary bound) => Argument(bound, "NetNamespace") ?? Argument(bound, "Namespace");
}
