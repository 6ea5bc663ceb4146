namespace IpipTools.Core.DesiredState;

/// <summary>
/// The grammar of the .psd1 subset: builds the <see cref="DataValue"/> tree from hashtables,
/// arrays and literals, and refuses with its place every construct that would be code
/// (a variable, parentheses, a type cast, a bare word that PowerShell would run as a command).
/// </summary>
internal sealed class PowerShellDataParser
{
    private const string Allowed = "a data file may hold only @{ } hashtables, @( ) arrays, quoted strings, numbers, $true, $false and $null";

    private readonly PowerShellDataScanner _scanner;

    public PowerShellDataParser(PowerShellDataScanner scanner)
    {
        _scanner = scanner;
    }

    /// <summary>The whole text: exactly one value (a hashtable, for a topology), with nothing after it.</summary>
    public DataValue ParseDocument()
    {
        _scanner.SkipSpace(newlines: true);
        if (_scanner.AtEnd)
        {
            throw new TopologyFormatException(new SourceLocation(_scanner.Source, 1, 1, string.Empty),
                "the data is empty; expected a hashtable such as @{ Namespaces = @( ... ) }");
        }

        var value = ParseStatement();
        _scanner.SkipSpace(newlines: true);
        if (!_scanner.AtEnd)
        {
            throw _scanner.Error($"unexpected '{_scanner.DescribeCurrent()}' after the end of the data; {Allowed}");
        }

        return value;
    }

    /// <summary>A value, or several separated by commas (PowerShell's array operator), which make a list.</summary>
    private DataValue ParseStatement()
    {
        var location = _scanner.Here();
        var first = ParseElement();
        _scanner.SkipSpace(newlines: false);
        if (_scanner.Current != ',')
        {
            return first;
        }

        var items = new List<DataValue> { first };
        while (_scanner.Current == ',')
        {
            _scanner.Advance();
            _scanner.SkipSpace(newlines: true); // a line may end after a comma
            items.Add(ParseElement());
            _scanner.SkipSpace(newlines: false);
        }

        return new DataList(location, items);
    }

    /// <summary>One value: a hashtable, an array or a literal; anything else is refused here, where it starts.</summary>
    private DataValue ParseElement()
    {
        var location = _scanner.Here();
        switch (_scanner.Current)
        {
            case '@' when _scanner.Next == '{':
                return ParseHashtable();
            case '@' when _scanner.Next == '(':
                return ParseArray();
            case '@' when _scanner.Next is '\'' or '"':
                return new DataScalar(location, PowerShellStringLiterals.ReadHereString(_scanner));
            case '\'' or '"':
                return new DataScalar(location, PowerShellStringLiterals.ReadQuoted(_scanner));
            case '$':
                return new DataScalar(location, ParseDollarConstant());
            case '(':
                throw _scanner.Error("parentheses are an expression, which a data file may not contain; write the value itself");
            case '[':
                throw _scanner.Error("a type cast or attribute ('[...]') is code, which a data file may not contain; write the value itself (a string or number)");
            case '\0' when _scanner.AtEnd:
                throw _scanner.Error("the data ends where a value was expected");
        }

        if (PowerShellNumberLiteral.StartsHere(_scanner))
        {
            return new DataScalar(location, PowerShellNumberLiteral.Read(_scanner));
        }

        if (PowerShellDataScanner.IsWordChar(_scanner.Current))
        {
            var word = _scanner.ReadWord();
            throw new TopologyFormatException(location,
                $"'{word}' is a bare word, which PowerShell would run as a command; {Allowed}",
                $"Quote it if it is a string: '{word}'.");
        }

        throw _scanner.Error($"unexpected '{_scanner.DescribeCurrent()}'; {Allowed}");
    }

    private DataMap ParseHashtable()
    {
        var map = new DataMap(_scanner.Here());
        _scanner.Advance(2); // @{
        while (true)
        {
            _scanner.SkipSeparators();
            if (_scanner.Current == '}')
            {
                _scanner.Advance();
                return map;
            }

            if (_scanner.AtEnd)
            {
                throw new TopologyFormatException(map.Location, "this hashtable is never closed: '}' is missing");
            }

            var keyLocation = _scanner.Here();
            var key = ParseKey();
            _scanner.SkipSpace(newlines: false);
            if (_scanner.Current != '=')
            {
                throw _scanner.Error($"expected '=' after the key '{key}'");
            }

            _scanner.Advance();
            _scanner.SkipSpace(newlines: true);
            var value = ParseStatement();
            if (!map.TryAdd(key, value))
            {
                throw new TopologyFormatException(keyLocation,
                    $"the key '{key}' appears twice in this hashtable (PowerShell refuses duplicate keys, in any letter case)");
            }

            _scanner.SkipSpace(newlines: false);
            if (_scanner.Current is not (';' or '\n' or '\r' or '}') && !_scanner.AtEnd)
            {
                throw _scanner.Error($"expected a new line, ';' or '}}' after the value of '{key}', found '{_scanner.DescribeCurrent()}'");
            }
        }
    }

    private DataList ParseArray()
    {
        var location = _scanner.Here();
        _scanner.Advance(2); // @(
        var items = new List<DataValue>();
        while (true)
        {
            _scanner.SkipSeparators();
            if (_scanner.Current == ')')
            {
                _scanner.Advance();
                return new DataList(location, items);
            }

            if (_scanner.AtEnd)
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

            _scanner.SkipSpace(newlines: false);
            if (_scanner.Current is not (';' or '\n' or '\r' or ')') && !_scanner.AtEnd)
            {
                throw _scanner.Error($"expected a new line, ';' or ')' between array items, found '{_scanner.DescribeCurrent()}'");
            }
        }
    }

    /// <summary>A hashtable key: a quoted string, or a bare name (which, as a key, is not a command).</summary>
    private string ParseKey()
    {
        return _scanner.Current switch
        {
            '\'' or '"' => PowerShellStringLiterals.ReadQuoted(_scanner),
            var c when PowerShellDataScanner.IsWordChar(c) => _scanner.ReadWord(),
            _ => throw _scanner.Error($"expected a key (a name or a quoted string), found '{_scanner.DescribeCurrent()}'"),
        };
    }

    /// <summary>
    /// $true, $false or $null, in any letter case. Every other '$' is a variable, which is
    /// refused: a data file holds constants only, so reading it can neither run anything nor
    /// depend on the session.
    /// </summary>
    private object? ParseDollarConstant()
    {
        var location = _scanner.Here();
        _scanner.Advance(); // $
        var name = _scanner.ReadWord();
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
}
