namespace IpipTools.Core.DesiredState.Data;

/// <summary>
/// Where a value came from, for error messages: the source (a file name, "the hashtable",
/// "the JSON text"), a line and column when the source has them (0 when it does not), and
/// the path of the value inside the data ("Namespaces[0].Routes[2].Gateway").
/// </summary>
public sealed record SourceLocation(string Source, int Line, int Column, string Path)
{
    public SourceLocation Child(string key, int line = 0, int column = 0) =>
        new(Source, line, column, Path.Length == 0 ? key : $"{Path}.{key}");

    public SourceLocation Item(int index, int line = 0, int column = 0) =>
        new(Source, line, column, $"{Path}[{index}]");

    /// <summary>"S1.psd1 line 12, column 9 (Namespaces[0].Routes[1])", or without the position when unknown.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{Source} line {Line}, column {Column}" : Source;
        return Path.Length == 0 ? where : $"{where} ({Path})";
    }
}
