using System.Globalization;

namespace IpipTools.TestSupport;

/// <summary>
/// Hand-written byte strings for golden tests: hex pairs separated by white space,
/// with '#' starting a comment to the end of the line, so every field of a message
/// can be written out and explained next to its bytes.
/// </summary>
public static class Hex
{
    public static byte[] Parse(string text)
    {
        var bytes = new List<byte>();
        foreach (var rawLine in text.Split('\n'))
        {
            var comment = rawLine.IndexOf('#');
            var line = comment >= 0 ? rawLine[..comment] : rawLine;
            foreach (var token in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.Length % 2 != 0)
                {
                    throw new FormatException($"hex token '{token}' has an odd number of digits");
                }

                for (var i = 0; i < token.Length; i += 2)
                {
                    bytes.Add(byte.Parse(token.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                }
            }
        }

        return bytes.ToArray();
    }

    /// <summary>Lowercase hex in groups of 4 bytes, 16 bytes a line, for readable assertion failures.</summary>
    public static string Format(ReadOnlySpan<byte> bytes)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i > 0)
            {
                text.Append(i % 16 == 0 ? '\n' : i % 4 == 0 ? "  " : " ");
            }

            text.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
