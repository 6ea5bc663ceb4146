using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IpipTools.Completers;

/// <summary>
/// Completes -Table of the cmdlets that list routes with what they take by name: every table
/// ("all") and the tables iproute2 names (main, local, default); any other table is a number.
/// </summary>
public sealed class ListedRouteTableCompleter : IArgumentCompleter
{
    private static readonly string[] Names = { "all", "default", "local", "main" };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) => Completions.StartingWith(Names, wordToComplete);
}
