using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IpipTools.Completers;

/// <summary>
/// Completes -Table with the names of the tables a route may go into (main, default); any
/// other table is a number, which the user types. The local table is not offered: it is the
/// kernel's own.
/// </summary>
public sealed class RouteTableCompleter : IArgumentCompleter
{
    private static readonly string[] Names = { "default", "main" };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) => Completions.StartingWith(Names, wordToComplete);
}
