using System.Collections.ObjectModel;
using System.Management.Automation;

namespace IpipTools.Module.Tests.Engine;

/// <summary>What a script wrote, and every error record PowerShell reported while running it.</summary>
public sealed record ScriptOutcome(Collection<PSObject> Output, IReadOnlyList<ErrorRecord> Errors)
{
    /// <summary>
    /// Each error as PowerShell knows it: the fully qualified error id (a binding failure
    /// reads e.g. "InputObjectNotBound,IpipTools.Routes.AddOnlinkRouteCommand"), the
    /// message, and where in the script it happened, with the line and a marker under it.
    /// </summary>
    public string Describe() => string.Join("\n\n", Errors.Select(Describe));

    public static string Describe(ErrorRecord error)
    {
        var position = error.InvocationInfo?.PositionMessage;
        return $"[{error.FullyQualifiedErrorId}] {error.Exception.Message}" + (string.IsNullOrEmpty(position) ? string.Empty : "\n" + position);
    }
}
