namespace IpipTools.Core.Xfrm;

/// <summary>The IPsec protocol of a state or template (xfrm_id.proto, an IPPROTO_* number).</summary>
public enum XfrmProtocol : byte
{
    /// <summary>Encapsulating Security Payload (IP protocol 50).</summary>
    Esp = 50,

    /// <summary>Authentication Header (IP protocol 51).</summary>
    Ah = 51,

    /// <summary>IP payload compression (IP protocol 108).</summary>
    Comp = 108,
}
