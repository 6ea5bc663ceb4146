using System.Globalization;
using System.Text;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// Reads the constant subset of the PowerShell language that data files (.psd1) use:
/// <c>@{ }</c> hashtables, <c>@( )</c> and comma arrays, single- and double-quoted strings
/// (and here-strings), numbers, <c>$true</c>, <c>$false</c>, <c>$null</c>, and comments.
/// Nothing is evaluated: a variable, a subexpression, a command or a type cast is an
/// error with its line and column, never code that runs. This is what lets a topology
/// file be read without a PowerShell host (the core has none) and without trusting it.
/// </summary>
public sealed class PowerShellDataReader
{
    private const string Allowed = "a data file may hold only @{ } hashtables, @( ) arrays, quoted strings, numbers, $true, $false and $null";

    private readonly string _text;
    private readonly string _source;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    private PowerShellDataReader(string text, string source)
    {
        // A byte order mark is not part of the data.
        _text = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        _source = source;
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names it in errors (a file name).</summary>
    public static DataValue Parse(string text, string source = "the data text")
    {
        var reader = new PowerShellDataReader(text, source);
        var root = new SourceLocation(source, 1, 1, string.Empty);
        reader.SkipSpace(newlines: true);
        if (reader.AtEnd)
        {
            throw new TopologyFormatException(root, "the data is empty; expected a hashtable such as @{ Namespaces = @( ... ) }");
        }

        var value = reader.ParseStatement();
        reader.SkipSpace(newlines: true);
        if (!reader.AtEnd)
        {
            throw reader.Error($"unexpected '{reader.Describe(reader.Current)}' after the end of the data; {Allowed}");
        }

        return value;
    }

    public static DataValue ParseFile(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    private bool AtEnd => _position >= _text.Length;

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    private char Next => _position + 1 < _text.Length ? _text[_position + 1] : '\0';

    private int Column => _position - _lineStart + 1;

    /// <summary>A value, or several separated by commas (PowerShell's array operator), which make a list.</summary>
    private DataValue ParseStatement()
    {
        var location = Here();
        var first = ParseElement();
        SkipSpace(newlines: false);
        if (Current != ',')
        {
            return first;
        }

        var items = new List<DataValue> { first };
        while (Current == ',')
        {
            _position++;
            SkipSpace(newlines: true); // a line may end after a comma
            items.Add(ParseElement());
            SkipSpace(newlines: false);
        }

        return new DataList(location, items);
    }

    private DataValue ParseElement()
    {
        var location = Here();
        switch (Current)
        {
            case '@' when Next == '{':
                return ParseHashtable();
            case '@' when Next == '(':
                return ParseArray();
            case '@' when Next is '\'' or '"':
                return new DataScalar(location, ParseHereString());
            case '\'':
                return new DataScalar(location, ParseSingleQuoted());
            case '"':
                return new DataScalar(location, ParseDoubleQuoted());
            case '$':
                return new DataScalar(location, ParseVariable());
            case '(':
                throw Error("parentheses are an expression, which a data file may not contain; write the value itself");
            case '[':
                throw Error("a type cast or attribute ('[...]') is code, which a data file may not contain; write the value itself (a string or number)");
            case '\0' when AtEnd:
                throw Error("the data ends where a value was expected");
        }

        if (char.IsDigit(Current) || ((Current is '-' or '+' or '.') && (char.IsDigit(Next) || Next == '.')))
        {
            return new DataScalar(location, ParseNumber());
        }

        if (IsWordChar(Current))
        {
            var word = ReadWord();
            throw new TopologyFormatException(location,
                $"'{word}' is a bare word, which PowerShell would run as a command; {Allowed}",
                $"Quote it if it is a string: '{word}'.");
        }

        throw Error($"unexpected '{Describe(Current)}'; {Allowed}");
    }

    private DataMap ParseHashtable()
    {
        var map = new DataMap(Here());
        _position += 2; // @{
        while (true)
        {
            SkipSeparators();
            if (Current == '}')
            {
                _position++;
                return map;
            }

            if (AtEnd)
            {
                throw new TopologyFormatException(map.Location, "this hashtable is never closed: '}' is missing");
            }

            var keyLocation = Here();
            var key = ParseKey();
            SkipSpace(newlines: false);
            if (Current != '=')
            {
                throw Error($"expected '=' after the key '{key}'");
            }

            _position++;
            SkipSpace(newlines: true);
            var value = ParseStatement();
            if (!map.TryAdd(key, value))
            {
                throw new TopologyFormatException(keyLocation,
                    $"the key '{key}' appears twice in this hashtable (PowerShell refuses duplicate keys, in any letter case)");
            }

            SkipSpace(newlines: false);
            if (Current is not (';' or '\n' or '\r' or '}') && !AtEnd)
            {
                throw Error($"expected a new line, ';' or '}}' after the value of '{key}', found '{Describe(Current)}'");
            }
        }
    }

    private DataList ParseArray()
    {
        var location = Here();
        _position += 2; // @(
        var items = new List<DataValue>();
        while (true)
        {
            SkipSeparators();
            if (Current == ')')
            {
                _position++;
                return new DataList(location, items);
            }

            if (AtEnd)
            {
                throw new TopologyFormatException(location, "this array is never closed: ')' is missing");
            }

            // @( ) collects what each statement inside it outputs, and an array is output
            // item by item: so a list inside is flattened one level, exactly as in PowerShell.
            var statement = ParseStatement();
            if (statement is DataList list)
            {
                items.AddRange(list.Items);
            }
            else
            {
                items.Add(statement);
            }

            SkipSpace(newlines: false);
            if (Current is not (';' or '\n' or '\r' or ')') && !AtEnd)
            {
                throw Error($"expected a new line, ';' or ')' between array items, found '{Describe(Current)}'");
            }
        }
    }

    private string ParseKey()
    {
        return Current switch
        {
            '\'' => ParseSingleQuoted(),
            '"' => ParseDoubleQuoted(),
            _ when IsWordChar(Current) => ReadWord(),
            _ => throw Error($"expected a key (a name or a quoted string), found '{Describe(Current)}'"),
        };
    }

    private string ParseSingleQuoted()
    {
        var start = Here();
        _position++;
        var text = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw new TopologyFormatException(start, "this string is never closed: the closing ' is missing");
            }

            var c = Take();
            if (c == '\'')
            {
                if (Current == '\'')
                {
                    _position++;
                    text.Append('\'');
                    continue;
                }

                return text.ToString();
            }

            text.Append(c);
        }
    }

    private string ParseDoubleQuoted()
    {
        var start = Here();
        _position++;
        var text = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw new TopologyFormatException(start, "this string is never closed: the closing \" is missing");
            }

            if (Current == '"')
            {
                _position++;
                if (Current == '"')
                {
                    _position++;
                    text.Append('"');
                    continue;
                }

                return text.ToString();
            }

            AppendExpandableCharacter(text);
        }
    }

    /// <summary>One character of a double-quoted string: backtick escapes are decoded; '$' that would expand is refused.</summary>
    private void AppendExpandableCharacter(StringBuilder text)
    {
        if (Current == '`')
        {
            _position++;
            if (AtEnd)
            {
                throw Error("a backtick at the end of the data escapes nothing");
            }

            var escaped = Take();
            text.Append(escaped switch
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
            });
            return;
        }

        if (Current == '$' && (IsWordChar(Next) || Next is '{' or '(' or '?' or '^'))
        {
            throw Error("'$' in a double-quoted string would expand a variable or run a subexpression, which a data file may not do",
                "Use a single-quoted string, or escape the dollar sign as `$.");
        }

        text.Append(Take());
        if (text[^1] == '\n')
        {
            NewLine();
        }
    }

    private string ParseHereString()
    {
        var start = Here();
        var quote = Next;
        _position += 2;
        while (Current is ' ' or '\t')
        {
            _position++;
        }

        if (Current == '\r')
        {
            _position++;
        }

        if (Current != '\n')
        {
            throw Error($"a here-string must start a new line right after @{quote}");
        }

        _position++;
        NewLine();
        var text = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw new TopologyFormatException(start, $"this here-string is never closed: a line starting with {quote}@ is missing");
            }

            if (Column == 1 && Current == quote && Next == '@')
            {
                _position += 2;
                // The line break before the terminator is not part of the string.
                var value = text.ToString();
                return value.EndsWith("\r\n", StringComparison.Ordinal) ? value[..^2] : value.EndsWith('\n') ? value[..^1] : value;
            }

            if (quote == '"')
            {
                AppendExpandableCharacter(text);
            }
            else
            {
                text.Append(Take());
                if (text[^1] == '\n')
                {
                    NewLine();
                }
            }
        }
    }

    private object? ParseVariable()
    {
        var location = Here();
        _position++;
        var name = ReadWord();
        switch (name.ToLowerInvariant())
        {
            case "true":
                return true;
            case "false":
                return false;
            case "null":
                return null;
            case "":
                throw new TopologyFormatException(location, $"'$' must be followed by true, false or null; {Allowed}");
            default:
                throw new TopologyFormatException(location,
                    $"the variable ${name} is not allowed: a data file holds constants only ($true, $false and $null), so nothing in it can run or read the session",
                    "Write the value itself.");
        }
    }

    private object ParseNumber()
    {
        var location = Here();
        var start = _position;
        if (Current is '-' or '+')
        {
            _position++;
        }

        if (Current == '0' && Next is 'x' or 'X')
        {
            _position += 2;
            var hexStart = _position;
            while (Uri.IsHexDigit(Current))
            {
                _position++;
            }

            var hex = _text[hexStart.._position];
            RequireNumberEnd(location, start);
            if (hex.Length == 0 || !long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h))
            {
                throw new TopologyFormatException(location, $"'{_text[start.._position]}' is not a valid hexadecimal number");
            }

            return _text[start] == '-' ? -h : h;
        }

        while (char.IsDigit(Current) || Current == '.' || ((Current is 'e' or 'E') && (char.IsDigit(Next) || Next is '-' or '+')))
        {
            if (Current is 'e' or 'E')
            {
                _position++;
            }

            _position++;
        }

        var literal = _text[start.._position];
        RequireNumberEnd(location, start);
        if (long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        if (double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return real;
        }

        throw new TopologyFormatException(location, $"'{literal}' is not a number");
    }

    private void RequireNumberEnd(SourceLocation location, int start)
    {
        if (IsWordChar(Current))
        {
            while (IsWordChar(Current))
            {
                _position++;
            }

            throw new TopologyFormatException(location,
                $"'{_text[start.._position]}' is not a plain number (multipliers such as KB and type suffixes are not supported in topology data)",
                "Write the number in full, or quote it if it is a string.");
        }
    }

    private string ReadWord()
    {
        var start = _position;
        while (IsWordChar(Current))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';

    /// <summary>Skips blanks and comments; with <paramref name="newlines"/>, line ends too.</summary>
    private void SkipSpace(bool newlines)
    {
        while (!AtEnd)
        {
            var c = Current;
            if (c is ' ' or '\t' or '\f' or '\v' || (c == '\r' && Next == '\n' && newlines) || (c == '\r' && Next != '\n'))
            {
                _position++;
            }
            else if (c == '\n' && newlines)
            {
                _position++;
                NewLine();
            }
            else if (c == '`' && (Next == '\n' || (Next == '\r' && _position + 2 < _text.Length && _text[_position + 2] == '\n')))
            {
                // A backtick at the end of a line continues the line.
                _position += Next == '\r' ? 3 : 2;
                NewLine();
            }
            else if (c == '#')
            {
                while (!AtEnd && Current != '\n')
                {
                    _position++;
                }
            }
            else if (c == '<' && Next == '#')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipSeparators()
    {
        while (true)
        {
            SkipSpace(newlines: true);
            if (Current != ';')
            {
                return;
            }

            _position++;
        }
    }

    private void SkipBlockComment()
    {
        var start = Here();
        _position += 2;
        while (!(Current == '#' && Next == '>'))
        {
            if (AtEnd)
            {
                throw new TopologyFormatException(start, "this block comment is never closed: '#>' is missing");
            }

            if (Take() == '\n')
            {
                NewLine();
            }
        }

        _position += 2;
    }

    private char Take() => _text[_position++];

    /// <summary>Call after consuming a '\n'.</summary>
    private void NewLine()
    {
        _line++;
        _lineStart = _position;
    }

    private SourceLocation Here() => new(_source, _line, Column, string.Empty);

    private TopologyFormatException Error(string problem, string? action = null) => new(Here(), problem, action);

    private string Describe(char c) => c switch
    {
        '\0' when AtEnd => "end of data",
        '\n' => "end of line",
        _ => c.ToString(),
    };
}
