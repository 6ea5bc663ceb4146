namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// Everything the kernel keeps for a GRE tunnel over IPv4 (kind "gre", layer 3). The
/// module's fallback device is gre0. A key (RFC 2890) is null when unused; key 0 is a
/// real key, distinct from none.
/// </summary>
public sealed record GreParameters : Ipv4TunnelParameters
{
    public override string Kind => "gre";

    public override string FallbackDeviceName => "gre0";

    public override string ShowMode => "gre/ip";

    /// <summary>The key incoming packets must carry (ikey); null accepts only keyless packets.</summary>
    public uint? InputKey { get; init; }

    /// <summary>The key put on outgoing packets (okey); null sends none.</summary>
    public uint? OutputKey { get; init; }

    /// <summary>Require a checksum on incoming packets (icsum).</summary>
    public bool InputChecksum { get; init; }

    /// <summary>Checksum outgoing packets (ocsum).</summary>
    public bool OutputChecksum { get; init; }

    /// <summary>Require sequence numbers on incoming packets and drop those out of order (iseq).</summary>
    public bool InputSequence { get; init; }

    /// <summary>Number outgoing packets (oseq).</summary>
    public bool OutputSequence { get; init; }

    /// <summary>Clear DF on outer packets even when the inner packet had it; needs path MTU discovery off.</summary>
    public bool IgnoreDontFragment { get; init; }

    /// <summary>The same key both ways, as iproute2's "key K" sets it.</summary>
    public GreParameters WithKey(uint? key) => this with { InputKey = key, OutputKey = key };
}
