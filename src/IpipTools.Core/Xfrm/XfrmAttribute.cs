namespace IpipTools.Core.Xfrm;

/// <summary>XFRMA_* attribute types (linux/xfrm.h) that IpipTools writes or reads.</summary>
public static class XfrmAttribute
{
    /// <summary>struct xfrm_algo: an authentication algorithm without truncation length (the kernel sends it beside <see cref="AuthenticationTruncated"/>).</summary>
    public const ushort Authentication = 1;

    /// <summary>struct xfrm_algo: the encryption algorithm.</summary>
    public const ushort Encryption = 2;

    /// <summary>struct xfrm_algo: the compression algorithm (IPComp).</summary>
    public const ushort Compression = 3;

    /// <summary>struct xfrm_encap_tmpl: UDP encapsulation (NAT traversal).</summary>
    public const ushort Encapsulation = 4;

    /// <summary>One or more struct xfrm_user_tmpl, back to back.</summary>
    public const ushort Template = 5;

    public const ushort CareOfAddress = 14;

    /// <summary>struct xfrm_algo_aead: an AEAD algorithm with its ICV length.</summary>
    public const ushort Aead = 18;

    /// <summary>struct xfrm_algo_auth: an authentication algorithm with its truncation length.</summary>
    public const ushort AuthenticationTruncated = 20;

    /// <summary>struct xfrm_mark: value and mask.</summary>
    public const ushort Mark = 21;

    public const ushort TfcPadding = 22;
    public const ushort ReplayStateEsn = 23;
    public const ushort ExtraFlags = 24;
    public const ushort SetMark = 29;
    public const ushort SetMarkMask = 30;

    /// <summary>__u32: the xfrm interface id the state or policy belongs to.</summary>
    public const ushort InterfaceId = 31;
}
