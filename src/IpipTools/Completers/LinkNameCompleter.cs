using IpipTools.Core.Rtnl.Links;
using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;

namespace IpipTools.Completers;

/// <summary>
/// Completes link names in the namespace the command line names with -NetNamespace,
/// else in the session's default namespace; each subclass says which links it offers.
/// Completion must never fail loudly, so any error gives no suggestions.
/// </summary>
public abstract class LinkNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var target = NamespaceSession.For(Runspace.DefaultRunspace).Resolve(NamespaceArgument(fakeBoundParameters));
            using var client = RtnetlinkClient.Open(target);
            return Completions.StartingWith(client.Links.List().Where(Offers).Select(l => l.Name), wordToComplete);
        }
        catch (Exception e) when (ErrorReport.IsReportable(e))
        {
            return Array.Empty<CompletionResult>();
        }
    }

    /// <summary>Whether <paramref name="link"/> is one this completer offers.</summary>
    protected abstract bool Offers(Link link);

    private static string? NamespaceArgument(IDictionary bound) =>
        (bound["NetNamespace"] ?? bound["Namespace"])?.ToString();
}
