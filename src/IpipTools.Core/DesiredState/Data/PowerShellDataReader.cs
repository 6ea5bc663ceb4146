namespace IpipTools.Core.DesiredState;

/// <summary>
/// Reads the constant subset of the PowerShell language that data files (.psd1) use:
/// <c>@{ }</c> hashtables, <c>@( )</c> and comma arrays, single- and double-quoted strings
/// (and here-strings), numbers, <c>$true</c>, <c>$false</c>, <c>$null</c>, and comments.
/// Nothing is evaluated: a variable, a subexpression, a command or a type cast is an
/// error with its line and column, never code that runs. This is what lets a topology
/// file be read without a PowerShell host (the core has none) and without trusting it.
/// </summary>
/// <remarks>
/// The work is done by <see cref="PowerShellDataParser"/> (the grammar) over a
/// <see cref="PowerShellDataScanner"/> (position and comments), with the literals read by
/// <see cref="PowerShellStringLiterals"/> and <see cref="PowerShellNumberLiteral"/>.
/// </remarks>
public sealed class PowerShellDataReader
{
    // Only the static entry points: a reader holds no state between texts.
    private PowerShellDataReader()
    {
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names it in errors (a file name).</summary>
    public static DataValue Parse(string text, string source = "the data text") =>
        new PowerShellDataParser(new PowerShellDataScanner(text, source)).ParseDocument();

    public static DataValue ParseFile(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));
}
