using System.Buffers.Binary;
using System.Text;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Xfrm;

/// <summary>
/// struct xfrm_algo, xfrm_algo_auth and xfrm_algo_aead: a 64-byte algorithm name, the key
/// length in bits, for the last two a truncation or ICV length in bits, then the key. Reading
/// takes the name and lengths and never the key, which the kernel sends back on every dump.
/// </summary>
internal static class XfrmAlgorithm
{
    public const int NameSize = 64;

    /// <summary>Writes one algorithm attribute; <paramref name="extraBits"/> is the truncation or ICV length of the auth and AEAD forms, null for plain xfrm_algo.</summary>
    public static void Write(MessageWriter writer, ushort type, string name, uint? extraBits, XfrmKey? key)
    {
        var keyBytes = key is null ? ReadOnlySpan<byte>.Empty : key.Bytes;
        var headerSize = NameSize + 4 + (extraBits is null ? 0 : 4);
        var payload = new byte[headerSize + keyBytes.Length];
        try
        {
            Encoding.ASCII.GetBytes(name, payload.AsSpan(0, NameSize - 1));
            BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(NameSize), (uint)(keyBytes.Length * 8));
            if (extraBits is { } bits)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(NameSize + 4), bits);
            }

            keyBytes.CopyTo(payload.AsSpan(headerSize));
            writer.AddAttribute(type, payload);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(payload);
        }
    }

    /// <summary>The algorithm's name.</summary>
    public static string ReadName(ReadOnlySpan<byte> payload)
    {
        var field = payload[..Math.Min(NameSize, payload.Length)];
        var end = field.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? field : field[..end]);
    }

    /// <summary>The key length in bits.</summary>
    public static int ReadKeyBits(ReadOnlySpan<byte> payload) => (int)BinaryPrimitives.ReadUInt32LittleEndian(payload[NameSize..]);

    /// <summary>The truncation (auth) or ICV (AEAD) length in bits.</summary>
    public static int ReadExtraBits(ReadOnlySpan<byte> payload) => (int)BinaryPrimitives.ReadUInt32LittleEndian(payload[(NameSize + 4)..]);
}
