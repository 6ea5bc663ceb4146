using System.Text;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// Reads PowerShell's string literals: 'single-quoted' (verbatim), "double-quoted" (backtick
/// escapes decoded) and the here-string forms of both. A double-quoted string that would
/// expand a variable or run a subexpression is refused, since a data file must never run
/// anything or read the session.
/// </summary>
internal static class PowerShellStringLiterals
{
    /// <summary>
    /// Reads the 'single-quoted' or "double-quoted" string whose opening quote is at the
    /// position, up to and including its closing quote.
    /// </summary>
    public static string ReadQuoted(PowerShellDataScanner scanner)
    {
        var start = scanner.Here();
        var quote = scanner.Take();
        var text = new StringBuilder();
        while (true)
        {
            if (scanner.AtEnd)
            {
                throw new TopologyFormatException(start, $"this string is never closed: the closing {quote} is missing");
            }

            if (scanner.Current == quote)
            {
                scanner.Advance();
                // Two quotes in a row are one quote in the string, not its end.
                if (scanner.Current == quote)
                {
                    scanner.Advance();
                    text.Append(quote);
                    continue;
                }

                return text.ToString();
            }

            if (quote == '"')
            {
                AppendExpandableCharacter(scanner, text);
            }
            else
            {
                // A single-quoted string may span lines; later positions must still be right.
                text.Append(scanner.TakeCountingLines());
            }
        }
    }

    /// <summary>Reads the here-string whose @' or @" is at the position, up to and including its closing '@ or "@.</summary>
    public static string ReadHereString(PowerShellDataScanner scanner)
    {
        var start = scanner.Here();
        var quote = scanner.Next;
        scanner.Advance(2); // @' or @"
        while (scanner.Current is ' ' or '\t')
        {
            scanner.Advance();
        }

        if (scanner.Current == '\r')
        {
            scanner.Advance();
        }

        if (scanner.Current != '\n')
        {
            throw scanner.Error($"a here-string must start a new line right after @{quote}");
        }

        scanner.Advance();
        scanner.NewLine();
        var text = new StringBuilder();
        while (true)
        {
            if (scanner.AtEnd)
            {
                throw new TopologyFormatException(start, $"this here-string is never closed: a line starting with {quote}@ is missing");
            }

            // Only a terminator at the start of a line closes the here-string; anywhere else it is text.
            if (scanner.Column == 1 && scanner.Current == quote && scanner.Next == '@')
            {
                scanner.Advance(2);
                // The line break before the terminator is not part of the string.
                var value = text.ToString();
                return value.EndsWith("\r\n", StringComparison.Ordinal) ? value[..^2] : value.EndsWith('\n') ? value[..^1] : value;
            }

            if (quote == '"')
            {
                AppendExpandableCharacter(scanner, text);
            }
            else
            {
                text.Append(scanner.TakeCountingLines());
            }
        }
    }

    /// <summary>One character of a double-quoted string: backtick escapes are decoded; '$' that would expand is refused.</summary>
    private static void AppendExpandableCharacter(PowerShellDataScanner scanner, StringBuilder text)
    {
        if (scanner.Current == '`')
        {
            scanner.Advance();
            if (scanner.AtEnd)
            {
                throw scanner.Error("a backtick at the end of the data escapes nothing");
            }

            text.Append(Unescape(scanner.Take()));
            return;
        }

        // A '$' that nothing could expand (before a space or the closing quote) is
        // a dollar sign in PowerShell too, so only the expanding forms are refused.
        if (scanner.Current == '$' && (PowerShellDataScanner.IsWordChar(scanner.Next) || scanner.Next is '{' or '(' or '?' or '^'))
        {
            throw scanner.Error("'$' in a double-quoted string would expand a variable or run a subexpression, which a data file may not do",
                "Use a single-quoted string, or escape the dollar sign as `$.");
        }

        text.Append(scanner.TakeCountingLines());
    }

    /// <summary>The character that a backtick followed by <paramref name="escaped"/> stands for; any other character stands for itself.</summary>
    private static char Unescape(char escaped) => escaped switch
    {
        '0' => '\0',
        'a' => '\a',
        'b' => '\b',
        'e' => '\u001b',
        'f' => '\f',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\v',
        _ => escaped,
    };
}
