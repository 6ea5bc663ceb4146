using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IpipTools.Module.Tests.Static;

/// <summary>
/// The PowerShell that uses the module: fenced powershell blocks of the README files,
/// the code of every MAML help example, build.ps1 and the Pester suites (which cannot
/// run here, so this is what checks their calls). Each is split into statements and
/// each statement into its pipeline's commands, the way PowerShell's parser would for
/// plain command lines (quotes, parentheses, braces and continuations); the contents of
/// script blocks and parentheses are split the same way, recursively.
/// </summary>
public static class ExampleScripts
{
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static readonly string[] Readmes = { "README.md", "src/IpipTools/README-module.md", "docs/SCENARIOS.md" };

    public const string HelpFile = "src/IpipTools/en-US/IpipTools.dll-Help.xml";

    /// <summary>Scripts checked whole.</summary>
    public static IEnumerable<string> ScriptFiles() =>
        new[] { "build.ps1" }.Concat(Directory.GetFiles(Repository.PathOf("tests/Pester"), "*.ps1").Select(f => Path.GetRelativePath(Repository.Root, f)));

    /// <summary>(where, script) for every README code block, help example and script file.</summary>
    public static IEnumerable<(string Source, string Script)> All()
    {
        foreach (var file in ScriptFiles())
        {
            yield return (file, Repository.Read(file));
        }

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
            foreach (var inner in Groups(statement).SelectMany(Pipelines))
            {
                yield return inner;
            }
        }
    }

    /// <summary>The insides of the outermost (...) and {...} groups of a statement, outside quotes.</summary>
    private static IEnumerable<string> Groups(string statement)
    {
        var start = 0;
        foreach (var (index, c, depth, quoted) in Scan(statement))
        {
            if (!quoted && c is '(' or '{' && depth == 1)
            {
                start = index + 1;
            }
            else if (!quoted && c is ')' or '}' && depth == 0)
            {
                yield return statement[start..index];
            }
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
            // A comment after a command (a '#' outside quotes, after white space) is not part of it.
            var line = StripComment(raw).Trim();
            if (line.StartsWith('#'))
            {
                continue;
            }

            var continues = line.EndsWith('`') || line.EndsWith('|');
            current.Append(Balanced(current.ToString()) ? ' ' : '\n').Append(line.TrimEnd('`'));
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

    private static string StripComment(string line)
    {
        foreach (var (index, c, _, quoted) in Scan(line))
        {
            if (c == '#' && !quoted && (index == 0 || char.IsWhiteSpace(line[index - 1])))
            {
                return line[..index];
            }
        }

        return line;
    }

    private static bool Balanced(string text) => Split(text, '\0').Depth == 0;

    /// <summary>Splits on <paramref name="separator"/> outside quotes, parentheses and braces.</summary>
    private static List<string> SplitTopLevel(string text, char separator) => Split(text, separator).Parts;

    /// <summary>The parts, and how many parentheses and braces are still open at the end.</summary>
    private static (List<string> Parts, int Depth) Split(string text, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var open = 0;
        foreach (var (_, c, depth, quoted) in Scan(text))
        {
            open = depth;
            if (!quoted && depth == 0 && c == separator)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        parts.Add(current.ToString());
        return (parts, open);
    }

    /// <summary>
    /// Each character with the bracket depth after it and whether it lies in a quoted
    /// string (the quote characters themselves count as quoted).
    /// </summary>
    private static IEnumerable<(int Index, char C, int Depth, bool Quoted)> Scan(string text)
    {
        var depth = 0;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var quoted = quote is not null || c is '\'' or '"';
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

            yield return (i, c, depth, quoted);
        }
    }
}
