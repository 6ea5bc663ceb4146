using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IpipTools.Module.Tests.Static;

/// <summary>
/// The PowerShell examples users read: fenced powershell blocks of the README files and
/// the code of every MAML help example. Each is split into statements and each
/// statement into its pipeline's commands, the way PowerShell's parser would for the
/// plain command lines examples use (quotes, parentheses, braces and continuations).
/// </summary>
public static class ExampleScripts
{
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static readonly string[] Readmes = { "README.md", "src/IpipTools/README-module.md" };

    public const string HelpFile = "src/IpipTools/en-US/IpipTools.dll-Help.xml";

    /// <summary>(where, script) for every README code block and help example.</summary>
    public static IEnumerable<(string Source, string Script)> All()
    {
        foreach (var readme in Readmes.Where(r => File.Exists(Repository.PathOf(r))))
        {
            foreach (Match block in Regex.Matches(Repository.Read(readme), "```(?:powershell|pwsh|ps1)\\s*\\n(.*?)```", RegexOptions.Singleline))
            {
                yield return (readme, block.Groups[1].Value);
            }
        }

        foreach (var command in XDocument.Load(Repository.PathOf(HelpFile)).Descendants(Command + "command"))
        {
            var name = command.Element(Command + "details")!.Element(Command + "name")!.Value.Trim();
            foreach (var example in command.Descendants(Command + "example"))
            {
                yield return ($"help of {name}: {example.Element(Maml + "title")?.Value.Trim()}", example.Element(Dev + "code")!.Value);
            }
        }
    }

    /// <summary>The pipelines of a script: each a list of command segments (their text, prompt and assignment stripped).</summary>
    public static IEnumerable<IReadOnlyList<string>> Pipelines(string script)
    {
        foreach (var statement in Statements(script))
        {
            var segments = SplitTopLevel(statement, '|').Select(s => s.Trim()).ToList();
            segments[0] = Regex.Replace(segments[0], @"^(PS[^>]*>\s*)?(\$[\w:]+\s*=\s*)?", string.Empty);
            yield return segments.Where(s => s.Length > 0).ToList();
        }
    }

    /// <summary>Words of one command, quotes kept, parentheses and braces as single words.</summary>
    public static IReadOnlyList<string> Words(string command) =>
        SplitTopLevel(command, ' ').Select(w => w.Trim()).Where(w => w.Length > 0).ToList();

    /// <summary>Logical lines: a line ending in '|' or a backtick continues; ';' separates at top level.</summary>
    private static IEnumerable<string> Statements(string script)
    {
        var current = new StringBuilder();
        foreach (var raw in script.Replace("\r", string.Empty).Split('\n'))
        {
            // A comment after a command (outside quotes) is not part of it.
            var line = Regex.Replace(raw, @"\s#[^'""]*$", string.Empty).Trim();
            if (line.StartsWith('#'))
            {
                continue;
            }

            var continues = line.EndsWith('`') || line.EndsWith('|');
            current.Append(' ').Append(line.TrimEnd('`'));
            if (!continues && Balanced(current.ToString()))
            {
                foreach (var statement in SplitTopLevel(current.ToString(), ';').Where(s => s.Trim().Length > 0))
                {
                    yield return statement.Trim();
                }

                current.Clear();
            }
        }

        if (current.ToString().Trim().Length > 0)
        {
            yield return current.ToString().Trim();
        }
    }

    private static bool Balanced(string text) => Split(text, '\0').Depth == 0;

    /// <summary>Splits on <paramref name="separator"/> outside quotes, parentheses and braces.</summary>
    private static List<string> SplitTopLevel(string text, char separator) => Split(text, separator).Parts;

    /// <summary>The parts, and how many parentheses and braces are still open at the end.</summary>
    private static (List<string> Parts, int Depth) Split(string text, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is null && depth == 0 && c == separator)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c is '(' or '{')
            {
                depth++;
            }
            else if (c is ')' or '}')
            {
                depth--;
            }
        }

        parts.Add(current.ToString());
        return (parts, depth);
    }
}
