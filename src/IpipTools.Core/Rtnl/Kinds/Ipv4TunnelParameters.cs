using System.Globalization;
using System.Net;
using IpipTools.Core.Errors;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// What the kernel keeps alike for every tunnel with an IPv4 outer header (ipip, sit,
/// gre: struct ip_tunnel_parm plus fwmark and encapsulation). A kind's record derives
/// from this and adds only its own extras, so one reader (<see cref="Ipv4TunnelAttributes"/>)
/// and one set of checks serve every kind. The defaults are the kernel's and iproute2's:
/// any local address, ttl inherit (0), tos 0, path MTU discovery on.
/// </summary>
public abstract record Ipv4TunnelParameters : LinkKindParameters
{
    /// <summary>The device the kind's module creates in every namespace (tunl0, sit0, gre0).</summary>
    public abstract string FallbackDeviceName { get; }

    /// <summary>The mode as <c>ip tunnel show</c> names it: inner over outer protocol ("ip/ip" for ipip).</summary>
    public abstract string ShowMode { get; }

    /// <summary>
    /// The mode as <c>ip tunnel</c> names it (ipip, gre, sit, isatap, vti): the kind, unless a
    /// kind has modes of its own (a sit tunnel with the ISATAP flag is "isatap").
    /// </summary>
    public virtual string Mode => Kind;

    /// <summary>Outer source address; null (0.0.0.0) lets routing choose.</summary>
    public IPAddress? Local { get; init; }

    /// <summary>Outer destination; null (0.0.0.0) makes a point-to-multipoint (NBMA) tunnel like tunl0.</summary>
    public IPAddress? Remote { get; init; }

    /// <summary>Outer TTL, 1..255; 0 copies the inner packet's TTL ("inherit").</summary>
    public byte Ttl { get; init; }

    /// <summary>Outer TOS; 0 is iproute2's default, 1 ("inherit") copies the inner TOS.</summary>
    public byte Tos { get; init; }

    /// <summary>Set DF on outer packets and honour path MTU; on by default.</summary>
    public bool PathMtuDiscovery { get; init; } = true;

    /// <summary>ifindex of the underlay device the tunnel is bound to (the kind's LINK attribute); 0 for none.</summary>
    public int UnderlayIndex { get; init; }

    public TunnelEncapsulation Encapsulation { get; init; } = TunnelEncapsulation.None;

    /// <summary>External control (metadata) mode, used by eBPF and OVS; no fixed endpoints.</summary>
    public bool CollectMetadata { get; init; }

    /// <summary>Firewall mark applied to outer packets.</summary>
    public uint FirewallMark { get; init; }

    public Ipv4TunnelParameters WithUnderlay(int underlayIndex) => this with { UnderlayIndex = underlayIndex };

    /// <summary>
    /// The first setting in which these parameters differ from <paramref name="current"/>
    /// although the kernel fixes it when the tunnel is created, in words ("inner
    /// protocol"); null when a change request can carry the difference. Point-to-point
    /// versus point-to-multipoint and external mode are refused (EINVAL, no message) by
    /// every kind's changelink; a kind adds what its changelink silently ignores.
    /// </summary>
    public virtual string? FixedAtCreationDifference(Ipv4TunnelParameters current) =>
        (Remote is null) != (current.Remote is null) ? "point-to-point mode (a remote address or none)"
        : CollectMetadata != current.CollectMetadata ? "external (collect metadata) mode"
        : null;

    /// <summary>A TTL as <c>ip tunnel</c> takes it: "inherit" (or "0") is 0; otherwise 1..255 in decimal.</summary>
    public static byte ParseTtl(string text)
    {
        var value = text.Trim();
        if (value.Equals("inherit", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (byte.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl))
        {
            return ttl;
        }

        throw new IpipToolsException($"TTL '{text}' is not 'inherit' or a number from 1 to 255.", "InvalidTtl",
            IpipErrorCategory.InvalidArgument, "Give 'inherit' or a TTL from 1 to 255.", text);
    }

    /// <summary>
    /// A TOS as <c>ip tunnel</c> takes it: "inherit" is 1 (the kernel's marker for copying the
    /// inner TOS); otherwise hexadecimal 00..ff, "0x" allowed, as iproute2 reads it.
    /// </summary>
    public static byte ParseTos(string text)
    {
        var value = text.Trim();
        if (value.Equals("inherit", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var digits = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value[2..] : value;
        if (byte.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var tos))
        {
            return tos;
        }

        throw new IpipToolsException($"TOS '{text}' is not 'inherit' or a hexadecimal value from 00 to ff.", "InvalidTos",
            IpipErrorCategory.InvalidArgument, "Give 'inherit' or a hexadecimal TOS such as 10 or 0x10.", text);
    }
}
