using System.Net;

namespace IpipTools.Core.Xfrm;

/// <summary>
/// An IPsec security association (an xfrm state, <c>ip xfrm state</c>): what to do with
/// packets between two endpoints under one SPI. The kernel finds a state by destination,
/// SPI, protocol and mark (<see cref="Identity"/>). The algorithms are named here; their keys
/// are not: a state read from the kernel carries none (the kernel sends them, and the reader
/// drops them), and a new state takes them apart from this object (<see cref="XfrmStateKeys"/>).
/// </summary>
public sealed record XfrmState(IPAddress Source, IPAddress Destination, uint Spi)
{
    public XfrmProtocol Protocol { get; init; } = XfrmProtocol.Esp;

    public XfrmMode Mode { get; init; } = XfrmMode.Transport;

    /// <summary>What a policy's template names to pick this state (0: none).</summary>
    public uint ReqId { get; init; }

    /// <summary>The mark (XFRMA_MARK) packets must carry to use this state; null when it has none. A vti tunnel's key is such a mark.</summary>
    public uint? Mark { get; init; }

    /// <summary>The mask the mark is compared under; null with no mark.</summary>
    public uint? MarkMask { get; init; }

    /// <summary>The xfrm interface id (XFRMA_IF_ID) the state belongs to; null when none.</summary>
    public uint? InterfaceId { get; init; }

    /// <summary>An AEAD algorithm such as rfc4106(gcm(aes)), which encrypts and authenticates at once.</summary>
    public string? AeadAlgorithm { get; init; }

    /// <summary>The AEAD's integrity check value length in bits.</summary>
    public int? IcvLength { get; init; }

    /// <summary>The encryption algorithm, such as cbc(aes) or ecb(cipher_null).</summary>
    public string? EncryptionAlgorithm { get; init; }

    /// <summary>The authentication algorithm, such as hmac(sha256).</summary>
    public string? AuthenticationAlgorithm { get; init; }

    /// <summary>How many bits of the authentication algorithm's digest each packet carries.</summary>
    public int? TruncationLength { get; init; }

    /// <summary>The anti-replay window in packets (0: none).</summary>
    public byte ReplayWindow { get; init; }

    public XfrmLifetime Lifetime { get; init; } = XfrmLifetime.Unlimited;

    /// <summary>The traffic the state carries; <see cref="XfrmSelector.None"/> leaves that to the policies.</summary>
    public XfrmSelector Selector { get; init; } = XfrmSelector.None;

    /// <summary>The namespace the state was read in (null: the caller's).</summary>
    public string? Namespace { get; init; }

    /// <summary>The algorithms in one phrase, as the default view shows them.</summary>
    public string Algorithms
    {
        get
        {
            if (AeadAlgorithm is not null)
            {
                return $"{AeadAlgorithm} icv {IcvLength}";
            }

            var parts = new List<string>();
            if (EncryptionAlgorithm is not null)
            {
                parts.Add(EncryptionAlgorithm);
            }

            if (AuthenticationAlgorithm is not null)
            {
                parts.Add(TruncationLength is { } bits ? $"{AuthenticationAlgorithm} trunc {bits}" : AuthenticationAlgorithm);
            }

            return string.Join(" + ", parts);
        }
    }

    /// <summary>What the kernel tells states apart by.</summary>
    internal (IPAddress Destination, uint Spi, XfrmProtocol Protocol, uint Mark, uint MarkMask) Identity =>
        (Destination, Spi, Protocol, Mark ?? 0, MarkMask ?? 0);

    /// <summary>In ip xfrm's words: "esp spi 0x00001001 10.0.0.1 -> 10.0.0.2 tunnel mark 0x7/0xffffffff".</summary>
    public override string ToString()
    {
        var text = $"{Protocol.ToString().ToLowerInvariant()} spi 0x{Spi:x8} {Source} -> {Destination} {Mode.ToString().ToLowerInvariant()}";
        if (ReqId != 0)
        {
            text += $" reqid {ReqId}";
        }

        if (Mark is { } mark)
        {
            text += $" mark 0x{mark:x}/0x{MarkMask ?? uint.MaxValue:x}";
        }

        if (InterfaceId is { } id)
        {
            text += $" if_id {id}";
        }

        return text;
    }
}
