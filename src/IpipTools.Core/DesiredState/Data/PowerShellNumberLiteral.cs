using System.Globalization;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// Reads a number literal: decimal integers (a long), reals with a fraction or an exponent
/// (a double) and 0x hexadecimal, each with an optional sign. PowerShell's multipliers
/// (KB, MB) and type suffixes are refused rather than guessed at.
/// </summary>
internal static class PowerShellNumberLiteral
{
    /// <summary>Whether a number starts at the position: a digit, or a sign or '.' that a digit (or '.') follows.</summary>
    public static bool StartsHere(PowerShellDataScanner scanner)
    {
        var (current, next) = (scanner.Current, scanner.Next);
        return char.IsDigit(current) || ((current is '-' or '+' or '.') && (char.IsDigit(next) || next == '.'));
    }

    /// <summary>Reads the number at the position: a long if it is an integer that fits, else a double.</summary>
    public static object Read(PowerShellDataScanner scanner)
    {
        var location = scanner.Here();
        var start = scanner.Position;
        if (scanner.Current is '-' or '+')
        {
            scanner.Advance();
        }

        if (scanner.Current == '0' && scanner.Next is 'x' or 'X')
        {
            return ReadHexDigits(scanner, location, start);
        }

        while (char.IsDigit(scanner.Current) || scanner.Current == '.'
            || ((scanner.Current is 'e' or 'E') && (char.IsDigit(scanner.Next) || scanner.Next is '-' or '+')))
        {
            // An exponent's sign belongs to the number, so 'e' and what follows it go together.
            if (scanner.Current is 'e' or 'E')
            {
                scanner.Advance();
            }

            scanner.Advance();
        }

        var literal = scanner.TextFrom(start);
        RequireNumberEnd(scanner, location, start);
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

    /// <summary>Reads from the "0x" of a hexadecimal number; <paramref name="start"/> is where its sign (if any) is.</summary>
    private static long ReadHexDigits(PowerShellDataScanner scanner, SourceLocation location, int start)
    {
        scanner.Advance(2); // 0x
        var digitsStart = scanner.Position;
        while (Uri.IsHexDigit(scanner.Current))
        {
            scanner.Advance();
        }

        var digits = scanner.TextFrom(digitsStart);
        RequireNumberEnd(scanner, location, start);
        var literal = scanner.TextFrom(start);
        if (digits.Length == 0 || !long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new TopologyFormatException(location, $"'{literal}' is not a valid hexadecimal number");
        }

        return literal[0] == '-' ? -value : value;
    }

    /// <summary>
    /// Refuses a number that runs on into a word ("10KB", "5L"): PowerShell would read a
    /// multiplier or a type suffix there, and reading only the digits would change the value.
    /// </summary>
    private static void RequireNumberEnd(PowerShellDataScanner scanner, SourceLocation location, int start)
    {
        if (PowerShellDataScanner.IsWordChar(scanner.Current))
        {
            scanner.SkipWord();
            throw new TopologyFormatException(location,
                $"'{scanner.TextFrom(start)}' is not a plain number (multipliers such as KB and type suffixes are not supported in topology data)",
                "Write the number in full, or quote it if it is a string.");
        }
    }
}
