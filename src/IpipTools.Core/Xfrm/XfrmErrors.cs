using IpipTools.Core.Errors;
using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;

namespace IpipTools.Core.Xfrm;

/// <summary>
/// What is refused before the kernel is asked, and plain words for what the kernel says when
/// it refuses a state or policy. No message names a key: a state's text has none.
/// </summary>
internal static class XfrmErrors
{
    public static void Validate(XfrmState state)
    {
        if (state.Source.AddressFamily != state.Destination.AddressFamily)
        {
            throw Invalid($"the state's source {state.Source} and destination {state.Destination} are of different families", "Give both endpoints as IPv4 or both as IPv6.", "XfrmFamilyMismatch", state);
        }

        if (state.AeadAlgorithm is not null && (state.EncryptionAlgorithm is not null || state.AuthenticationAlgorithm is not null))
        {
            throw Invalid("an AEAD algorithm encrypts and authenticates at once, and takes no separate encryption or authentication algorithm", "Give -Aead alone, or -Encryption with -Authentication.", "XfrmAlgorithmsConflict", state);
        }

        if (state.Protocol == XfrmProtocol.Esp && state.AeadAlgorithm is null && state.EncryptionAlgorithm is null)
        {
            throw Invalid("an ESP state needs an AEAD or an encryption algorithm", "Give -Aead (such as rfc4106(gcm(aes))), or -Encryption (such as cbc(aes), or ecb(cipher_null) for tests) with -Authentication.", "XfrmAlgorithmMissing", state);
        }

        if (state.Protocol == XfrmProtocol.Ah && state.AuthenticationAlgorithm is null)
        {
            throw Invalid("an AH state needs an authentication algorithm", "Give -Authentication (such as hmac(sha256)) with its key.", "XfrmAlgorithmMissing", state);
        }

        if (state.Spi == 0)
        {
            throw Invalid("SPI 0 is reserved", "Give an SPI from 1 to 0xffffffff (256 and up by RFC 4303).", "XfrmSpiInvalid", state);
        }
    }

    public static void Validate(XfrmPolicy policy)
    {
        foreach (var prefix in new[] { policy.Source, policy.Destination })
        {
            if (prefix is { } p && AddressFamilies.Of(p.BaseAddress) != policy.Family)
            {
                throw Invalid($"the policy's source and destination are of different families", "Give both prefixes as IPv4 or both as IPv6.", "XfrmFamilyMismatch", policy);
            }
        }

        foreach (var template in policy.Templates)
        {
            if (template.Source is { } s && template.Destination is { } d && s.AddressFamily != d.AddressFamily)
            {
                throw Invalid($"the template's source {s} and destination {d} are of different families", "Give both tunnel endpoints as IPv4 or both as IPv6.", "XfrmFamilyMismatch", policy);
            }

            if (template.Mode == XfrmMode.Tunnel && template.Destination is null)
            {
                throw Invalid("a tunnel-mode template needs its tunnel's destination (and source)", "Give -TemplateSource and -TemplateDestination, the outer addresses of the tunnel.", "XfrmTemplateEndpointsMissing", policy);
            }
        }
    }

    /// <summary>
    /// A refused NEWSA. ENOENT there is no missing state: the kernel could not set up the
    /// algorithms, because a crypto piece it needs (a template, an IV generator, the default
    /// RNG) is not loaded, and it could not load one.
    /// </summary>
    public static NetlinkException ExplainCreate(NetlinkException e, XfrmState state) => e.ErrorNumber switch
    {
        Errno.ENOENT => e.Explain(
            $"the kernel could not set up the state's algorithms ({state.Algorithms}): a crypto module they need is not loaded",
            "Load what the algorithms need (for rfc4106(gcm(aes)): gcm, ghash_generic, ctr, seqiv; for cbc(aes) with hmac(sha256): authenc, echainiv; for both: drbg, the default RNG), or let the kernel load modules (modprobe), and try again.",
            "XfrmAlgorithmUnavailable", state),
        _ => Explain(e, state),
    };

    public static NetlinkException Explain(NetlinkException e, XfrmState state) => e.ErrorNumber switch
    {
        Errno.EEXIST => e.Explain(
            $"a state with SPI 0x{state.Spi:x8} to {state.Destination} ({state.Protocol}{MarkText(state.Mark, state.MarkMask)}) exists already",
            "Remove it first (Remove-XfrmState), or give another SPI; Set-XfrmState changes what the kernel changes in place (lifetimes).",
            "XfrmStateExists", state),
        Errno.ESRCH or Errno.ENOENT => e.Explain(
            $"there is no state with SPI 0x{state.Spi:x8} to {state.Destination} ({state.Protocol}{MarkText(state.Mark, state.MarkMask)})",
            "List the states with Get-XfrmState; the mark must match too.", "XfrmStateNotFound", state),
        Errno.ENOSYS => e.Explain(
            $"the kernel has no such algorithm ({state.Algorithms})",
            "Check the name (rfc4106(gcm(aes)), cbc(aes), hmac(sha256), ecb(cipher_null)) and that its crypto module is available.",
            "XfrmAlgorithmUnknown", state),
        Errno.EPROTONOSUPPORT or Errno.EAFNOSUPPORT => e.Explain(
            $"the kernel cannot do {state.Protocol} in {state.Mode} mode here",
            "Load the protocol's module (esp4, esp6, ah4, xfrm4_tunnel) and try again.", "XfrmProtocolUnavailable", state),
        Errno.EINVAL => e.Explain(
            $"the kernel refused the state ({state.Algorithms}): an algorithm or a length does not fit",
            "Check each key's length against its algorithm (rfc4106(gcm(aes)): 20, 28 or 36 bytes, the AES key and a 4-byte salt; cbc(aes): 16, 24 or 32; hmac(sha256): usually 32) and the ICV or truncation length (rfc4106: 64, 96 or 128; hmac(sha256): at least 96).",
            "XfrmStateRejected", state),
        _ => e.Explain(e.Explanation ?? Errno.Describe(e.ErrorNumber), null, e.ErrorId, state),
    };

    public static NetlinkException Explain(NetlinkException e, XfrmPolicy policy) => e.ErrorNumber switch
    {
        Errno.EEXIST => e.Explain(
            $"a policy for {Describe(policy)} exists already",
            "Change it with Set-XfrmPolicy, or remove it first (Remove-XfrmPolicy).", "XfrmPolicyExists", policy),
        Errno.ENOENT or Errno.ESRCH => e.Explain(
            $"there is no policy for {Describe(policy)}",
            "List the policies with Get-XfrmPolicy; the mark and interface id must match too.", "XfrmPolicyNotFound", policy),
        Errno.EINVAL => e.Explain(
            $"the kernel refused the policy {policy}",
            "Check the prefixes, the templates' addresses and modes, and the direction.", "XfrmPolicyRejected", policy),
        _ => e.Explain(e.Explanation ?? Errno.Describe(e.ErrorNumber), null, e.ErrorId, policy),
    };

    public static IpipToolsException PolicyNotFound(string operation, XfrmPolicy policy) =>
        new($"Cannot {operation}: there is no policy for {Describe(policy)}.", "XfrmPolicyNotFound", IpipErrorCategory.ObjectNotFound,
            "List the policies with Get-XfrmPolicy (the mark and interface id must match too), or create one with New-XfrmPolicy.", policy);

    /// <summary>The object was made but could not be read back: something removed it at once.</summary>
    public static IpipToolsException Vanished(string operation, object target) =>
        new($"{operation} succeeded, but it was gone when read back (another program removed it?).", "XfrmObjectVanished", IpipErrorCategory.InvalidOperation, null, target);

    private static string Describe(XfrmPolicy policy) =>
        $"{(policy.Direction == XfrmDirection.Forward ? "fwd" : policy.Direction.ToString().ToLowerInvariant())} {policy.Selector}{MarkText(policy.Mark, policy.MarkMask)}{(policy.InterfaceId is { } id ? $" if_id {id}" : "")}";

    private static string MarkText(uint? mark, uint? mask) => mark is { } m ? $" mark 0x{m:x}/0x{mask ?? uint.MaxValue:x}" : "";

    private static IpipToolsException Invalid(string problem, string action, string id, object target) =>
        new($"Cannot use this xfrm object: {problem}; nothing was changed.", id, IpipErrorCategory.InvalidArgument, action, target);
}
