using System.Text;

namespace IpipTools.Core.Tests.Source;

/// <summary>
/// Just enough of a C# lexer to tell code from comments and string literals, so a
/// scan for process starts is not fooled by a comment that mentions one, and a scan
/// for a program name looks at literals only. Interpolation holes are not parsed;
/// at worst that splits a literal in two, which can only add findings, never hide one.
/// </summary>
internal static class CSharpSource
{
    public sealed record Scanned(string Code, IReadOnlyList<string> Literals);

    public static Scanned Scan(string text)
    {
        var code = new StringBuilder(text.Length);
        var literals = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (At(text, i, "//"))
            {
                i = IndexOrEnd(text, "\n", i);
            }
            else if (At(text, i, "/*"))
            {
                i = IndexOrEnd(text, "*/", i + 2) + 2;
            }
            else if (At(text, i, "\"\"\""))
            {
                var end = IndexOrEnd(text, "\"\"\"", i + 3);
                literals.Add(text[(i + 3)..Math.Min(end, text.Length)]);
                code.Append("\"\"");
                i = end + 3;
            }
            else if (At(text, i, "@\"") || At(text, i, "$@\"") || At(text, i, "@$\""))
            {
                i = ReadVerbatim(text, text.IndexOf('"', i) + 1, literals);
                code.Append("\"\"");
            }
            else if (text[i] == '"')
            {
                i = ReadRegular(text, i + 1, literals);
                code.Append("\"\"");
            }
            else if (text[i] == '\'')
            {
                // A char literal: '"' must not open a string.
                var end = text.IndexOf('\'', i + (At(text, i, "'\\") ? 3 : 2));
                i = end < 0 ? text.Length : end + 1;
                code.Append("' '");
            }
            else
            {
                code.Append(text[i++]);
            }
        }

        return new Scanned(code.ToString(), literals);
    }

    private static int ReadRegular(string text, int i, List<string> literals)
    {
        var value = new StringBuilder();
        while (i < text.Length && text[i] != '"' && text[i] != '\n')
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                value.Append(text[i + 1] switch { 'n' => '\n', 't' => '\t', '0' => '\0', var c => c });
                i += 2;
                continue;
            }

            value.Append(text[i++]);
        }

        literals.Add(value.ToString());
        return i + 1;
    }

    private static int ReadVerbatim(string text, int i, List<string> literals)
    {
        var value = new StringBuilder();
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                if (At(text, i, "\"\""))
                {
                    value.Append('"');
                    i += 2;
                    continue;
                }

                break;
            }

            value.Append(text[i++]);
        }

        literals.Add(value.ToString());
        return i + 1;
    }

    private static bool At(string text, int i, string token) => string.CompareOrdinal(text, i, token, 0, token.Length) == 0;

    private static int IndexOrEnd(string text, string token, int from)
    {
        var index = text.IndexOf(token, from, StringComparison.Ordinal);
        return index < 0 ? text.Length : index;
    }
}
