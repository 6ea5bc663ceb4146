using IpipTools.Core.Errors;

namespace IpipTools.Core.DesiredState.Data;

/// <summary>
/// Topology data that cannot be read: a syntax error in a .psd1 or JSON text, something a
/// data file may not contain (code, variables), or a value that does not fit its key. The
/// message names the place (file, line, column, path inside the data).
/// </summary>
public sealed class TopologyFormatException : IpipToolsException
{
    public TopologyFormatException(SourceLocation location, string problem, string? recommendedAction = null, Exception? inner = null)
        : base($"{location}: {problem}", "TopologyFormatError", IpipErrorCategory.InvalidArgument,
            recommendedAction ?? "Fix the topology data at that place; Get-Help about_IpipTools shows the shape of a topology (TOPOLOGY DATA).", location, inner)
    {
        Location = location;
        Problem = problem;
    }

    public SourceLocation Location { get; }

    /// <summary>The problem without the location prefix.</summary>
    public string Problem { get; }
}
