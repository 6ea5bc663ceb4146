using System.Globalization;
using System.Security.Cryptography;

namespace IpipTools.Core.Xfrm;

/// <summary>
/// Key material for a state's algorithm, held only as long as a request needs it. It never
/// shows itself: <see cref="ToString"/> gives its length, it has no public property that
/// returns the bytes (so formats, Format-List *, ConvertTo-Json and Export-Clixml find none),
/// and <see cref="Dispose"/> zeroes it.
/// </summary>
public sealed class XfrmKey : IDisposable
{
    private readonly byte[] _bytes;

    public XfrmKey(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes.ToArray();
    }

    /// <summary>The key's length in bits, as the kernel counts it (alg_key_len).</summary>
    public int Bits => _bytes.Length * 8;

    /// <summary>The key itself, for the request that carries it to the kernel.</summary>
    internal ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>
    /// A key written as hex digits, as ip xfrm takes one (an optional 0x, then two digits a
    /// byte). The error names what is wrong without repeating the text.
    /// </summary>
    public static XfrmKey FromHex(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        if (text.Length % 2 != 0)
        {
            throw new FormatException($"a key written as text must be hex digits, two a byte (an optional 0x first); this one has {text.Length} digits, an odd number");
        }

        var bytes = new byte[text.Length / 2];
        try
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                if (!byte.TryParse(text.Slice(i * 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
                {
                    throw new FormatException($"a key written as text must be hex digits, two a byte (an optional 0x first); character {(i * 2) + 1} or {(i * 2) + 2} after any 0x is not a hex digit");
                }
            }

            return new XfrmKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public override string ToString() => $"({Bits}-bit key, not shown)";

    public void Dispose() => CryptographicOperations.ZeroMemory(_bytes);
}
