namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// Everything the kernel keeps for a virtual tunnel interface over IPv4 (kind "vti"): an
/// IPsec tunnel endpoint whose traffic the xfrm policies with its keys' mark encrypt. The
/// module's fallback device is ip_vti0. vti has no TTL, TOS, path MTU discovery or
/// encapsulation of its own; those of <see cref="Ipv4TunnelParameters"/> stay at their
/// defaults. A key of 0 is no key (vti has no key flag), so it reads back as null.
/// </summary>
public sealed record VtiParameters : Ipv4TunnelParameters
{
    public override string Kind => "vti";

    public override string FallbackDeviceName => "ip_vti0";

    /// <summary>vti sets the outer protocol to IPPROTO_IPIP, so ip tunnel show says "ip/ip".</summary>
    public override string ShowMode => "ip/ip";

    /// <summary>The mark (ikey) incoming packets are matched with against xfrm policies; null is none.</summary>
    public uint? InputKey { get; init; }

    /// <summary>The mark (okey) outgoing packets are matched with against xfrm policies; null is none.</summary>
    public uint? OutputKey { get; init; }
}
