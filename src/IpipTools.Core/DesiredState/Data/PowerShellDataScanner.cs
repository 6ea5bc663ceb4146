namespace IpipTools.Core.DesiredState;

/// <summary>
/// The character level of <see cref="PowerShellDataReader"/>: a position in the text that
/// knows its line and column (every error names them), and the skipping of what carries
/// no data: blanks, comments and line continuations.
/// </summary>
/// <remarks>
/// This is deliberately not a tokenizer that runs ahead of the parser. The parser looks at
/// one character and reads a literal only where a value may stand, so the error reported
/// is always the first one in the text, and a word is read as a key or refused as a bare
/// word depending on where it stands.
/// </remarks>
internal sealed class PowerShellDataScanner
{
    private readonly string _text;
    private int _line = 1;
    private int _lineStart;

    public PowerShellDataScanner(string text, string source)
    {
        // A byte order mark is not part of the data.
        _text = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        Source = source;
    }

    /// <summary>What the text is called in errors (a file name).</summary>
    public string Source { get; }

    public int Position { get; private set; }

    public bool AtEnd => Position >= _text.Length;

    /// <summary>The character at the position; '\0' at the end.</summary>
    public char Current => CharAt(Position);

    /// <summary>The character after <see cref="Current"/>; '\0' past the end.</summary>
    public char Next => CharAt(Position + 1);

    public int Column => Position - _lineStart + 1;

    public void Advance(int count = 1) => Position += count;

    /// <summary>Consumes one character without counting lines: the caller calls <see cref="NewLine"/> if it needs to.</summary>
    public char Take() => _text[Position++];

    /// <summary>Consumes one character, starting a new line if it ends one.</summary>
    public char TakeCountingLines()
    {
        var c = Take();
        if (c == '\n')
        {
            NewLine();
        }

        return c;
    }

    /// <summary>Call after consuming a '\n'.</summary>
    public void NewLine()
    {
        _line++;
        _lineStart = Position;
    }

    /// <summary>The text from <paramref name="start"/> up to the position.</summary>
    public string TextFrom(int start) => _text[start..Position];

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';

    /// <summary>Consumes the word characters at the position; empty if there are none.</summary>
    public string ReadWord()
    {
        var start = Position;
        SkipWord();
        return TextFrom(start);
    }

    /// <summary>Consumes the word characters at the position.</summary>
    public void SkipWord()
    {
        while (IsWordChar(Current))
        {
            Position++;
        }
    }

    /// <summary>Skips blanks and comments; with <paramref name="newlines"/>, line ends too.</summary>
    public void SkipSpace(bool newlines)
    {
        while (!AtEnd)
        {
            var c = Current;
            if (c is ' ' or '\t' or '\f' or '\v' || (c == '\r' && Next == '\n' && newlines) || (c == '\r' && Next != '\n'))
            {
                Position++;
            }
            else if (c == '\n' && newlines)
            {
                Position++;
                NewLine();
            }
            else if (c == '`' && (Next == '\n' || (Next == '\r' && CharAt(Position + 2) == '\n')))
            {
                // A backtick at the end of a line continues the line.
                Position += Next == '\r' ? 3 : 2;
                NewLine();
            }
            else if (c == '#')
            {
                while (!AtEnd && Current != '\n')
                {
                    Position++;
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

    /// <summary>Skips what may stand between the entries of a hashtable or an array: space, line ends and ';'.</summary>
    public void SkipSeparators()
    {
        while (true)
        {
            SkipSpace(newlines: true);
            if (Current != ';')
            {
                return;
            }

            Position++;
        }
    }

    public SourceLocation Here() => new(Source, _line, Column, string.Empty);

    /// <summary>An error at the position.</summary>
    public TopologyFormatException Error(string problem, string? action = null) => new(Here(), problem, action);

    /// <summary>The character at the position as an error message shows it.</summary>
    public string DescribeCurrent() => Current switch
    {
        '\0' when AtEnd => "end of data",
        '\n' => "end of line",
        var c => c.ToString(),
    };

    private char CharAt(int index) => index < _text.Length ? _text[index] : '\0';

    private void SkipBlockComment()
    {
        var start = Here();
        Position += 2; // <#
        while (!(Current == '#' && Next == '>'))
        {
            if (AtEnd)
            {
                throw new TopologyFormatException(start, "this block comment is never closed: '#>' is missing");
            }

            TakeCountingLines();
        }

        Position += 2;
    }
}
