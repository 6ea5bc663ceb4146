using IpipTools.Core.Errors;

namespace IpipTools.Core.Xfrm;

/// <summary>
/// The kernel's crypto names for the algorithms people use with IPsec (what completion
/// offers), and the check a name passes before it is sent: the kernel takes any name its
/// crypto API knows, and says ENOSYS to one it does not.
/// </summary>
public static class XfrmAlgorithmNames
{
    /// <summary>AES-GCM for ESP (RFC 4106): the key is the AES key and a 4-byte salt.</summary>
    public const string AesGcm = "rfc4106(gcm(aes))";

    public const string AesCbc = "cbc(aes)";

    public const string HmacSha256 = "hmac(sha256)";

    /// <summary>No encryption, no key: for tests, where a capture shows the payload.</summary>
    public const string Null = "ecb(cipher_null)";

    public static IReadOnlyList<string> Aead { get; } = new[] { AesGcm, "rfc7539esp(chacha20,poly1305)" };

    public static IReadOnlyList<string> Encryption { get; } = new[] { AesCbc, Null, "cbc(des3_ede)", "ctr(aes)" };

    public static IReadOnlyList<string> Authentication { get; } = new[] { HmacSha256, "hmac(sha384)", "hmac(sha512)", "hmac(sha1)" };

    /// <summary>Refuses a name the 64-byte field cannot hold, or that is not printable ASCII, before anything is sent.</summary>
    public static void Validate(string name, string parameter)
    {
        if (name.Length == 0 || name.Length >= XfrmAlgorithm.NameSize || name.Any(c => c < 0x21 || c > 0x7e))
        {
            throw new IpipToolsException(
                $"'{name}' is not an algorithm name the kernel can take for {parameter}: it must be 1 to {XfrmAlgorithm.NameSize - 1} printable ASCII characters.",
                "XfrmAlgorithmNameInvalid", IpipErrorCategory.InvalidArgument,
                $"Give the kernel's name, such as {AesGcm}, {AesCbc}, {HmacSha256} or {Null}.", name);
        }
    }
}
