using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.Completers;

/// <summary>
/// Completes -Mode with the modes the core's tunnel drivers make (ipip, gre, sit, isatap, vti).
/// The check of a typed mode is the core's (<see cref="TunnelModes.Require"/>), so the list lives
/// in one place: the kind registry.
/// </summary>
public sealed class TunnelModeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completions.StartingWith(TunnelModes.Names, wordToComplete?.ToLowerInvariant());
}
