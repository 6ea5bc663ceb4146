using System.Net;
using System.Net.Sockets;
using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// IFLA_INFO_DATA of kind "sit", in the order of the kernel's ipip6_fill_info: the
/// shared IPv4-tunnel run (<see cref="Ipv4TunnelAttributes"/>), then PMTUDISC before
/// PROTO (the reverse of ipip), the flags, fwmark, 6rd, and the encapsulation. sit has
/// no external (metadata) mode. Like ipip, a change request resets whatever it omits,
/// so the whole set is always sent.
/// </summary>
internal sealed class SitDriver : Ipv4TunnelDriver<SitParameters>
{
    /// <summary>SIT_ISATAP (linux/if_tunnel.h), in IFLA_IPTUN_FLAGS as the kernel keeps i_flags.</summary>
    private const ushort IsatapFlag = 0x0001;

    private static readonly byte[] Protocols = { SitParameters.ProtocolIpv6, SitParameters.ProtocolIpip, SitParameters.ProtocolMpls, SitParameters.ProtocolAny };

    private static readonly IPNetwork NoRelayPrefix = new(IPAddress.Any, 0);

    private static Ipv4TunnelAttributes Attributes => Ipv4TunnelAttributes.IpTunnel;

    public override string Kind => "sit";

    public override string KernelModule => "sit";

    public override string KernelConfigOption => "CONFIG_IPV6_SIT";

    /// <summary>isatap is sit with SIT_ISATAP: one kind, two modes of <c>ip tunnel</c>.</summary>
    public override IReadOnlyList<string> Modes { get; } = ["sit", SitParameters.IsatapMode];

    public override Ipv4TunnelParameters DefaultsFor(string mode) =>
        mode == SitParameters.IsatapMode ? new SitParameters { Isatap = true } : TunnelDefaults;

    public override void WriteInfoData(MessageWriter writer, SitParameters sit, LinkEncodingContext context)
    {
        Validate(sit);
        writer.AddUInt32(IpTunnelAttribute.Link, (uint)sit.UnderlayIndex);
        Attributes.WriteEndpoints(writer, sit);
        Attributes.WritePathMtuDiscovery(writer, sit);
        writer.AddByte(IpTunnelAttribute.Protocol, sit.Protocol);
        writer.AddUInt16(IpTunnelAttribute.Flags, sit.Isatap ? IsatapFlag : (ushort)0);
        writer.AddUInt32(IpTunnelAttribute.FirewallMark, sit.FirewallMark);
        if (sit.SixRdPrefix is IPNetwork prefix)
        {
            var relay = sit.SixRdRelayPrefix ?? NoRelayPrefix;
            writer.AddAddress(IpTunnelAttribute.SixRdPrefix, prefix.BaseAddress);
            writer.AddAddress(IpTunnelAttribute.SixRdRelayPrefix, relay.BaseAddress);
            writer.AddUInt16(IpTunnelAttribute.SixRdPrefixLength, (ushort)prefix.PrefixLength);
            writer.AddUInt16(IpTunnelAttribute.SixRdRelayPrefixLength, (ushort)relay.PrefixLength);
        }

        Attributes.WriteEncapsulation(writer, sit);
    }

    public override SitParameters Read(AttributeList? data) =>
        data is null
            ? new SitParameters()
            : Attributes.Read(data, new SitParameters
            {
                Protocol = data.GetByte(IpTunnelAttribute.Protocol) ?? SitParameters.ProtocolIpv6,
                Isatap = data.TryGet(IpTunnelAttribute.Flags, out var flags) && (flags.AsUInt16() & IsatapFlag) != 0,
                SixRdPrefix = ReadPrefix(data, IpTunnelAttribute.SixRdPrefix, IpTunnelAttribute.SixRdPrefixLength),
                SixRdRelayPrefix = ReadPrefix(data, IpTunnelAttribute.SixRdRelayPrefix, IpTunnelAttribute.SixRdRelayPrefixLength),
            });

    private static IPNetwork? ReadPrefix(AttributeList data, ushort addressType, ushort lengthType) =>
        data.TryGet(addressType, out var address) && data.TryGet(lengthType, out var length)
            ? PrefixReader.Read(address.Payload.Span, length.AsUInt16())
            : null;

    private static void Validate(SitParameters sit)
    {
        Ipv4TunnelAttributes.RequireIPv4Endpoints(sit);
        Ipv4TunnelAttributes.RefuseFixedTtlWithoutPathMtuDiscovery(sit);
        Ipv4TunnelAttributes.RequireProtocol(sit, sit.Protocol, Protocols, "41 (IPv6 in IPv4), 4 (IPv4), 137 (MPLS) or 0 (any)");
        if (sit.CollectMetadata)
        {
            // The kernel would ignore the attribute and make an ordinary tunnel.
            throw new IpipToolsException("sit tunnels have no external (collect metadata) mode.", "UnsupportedTunnelOption",
                IpipErrorCategory.InvalidArgument, "Use an ipip or gre tunnel for external mode.", Ipv4TunnelAttributes.Describe(sit));
        }

        if (sit.SixRdPrefix is { } prefix && prefix.BaseAddress.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new IpipToolsException($"The 6rd prefix {prefix} is not an IPv6 prefix.", "InvalidSixRdPrefix",
                IpipErrorCategory.InvalidArgument, "Give an IPv6 prefix such as 2001:db8::/32.", prefix);
        }

        if (sit.SixRdRelayPrefix is { } relay && relay.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new IpipToolsException($"The 6rd relay prefix {relay} is not an IPv4 prefix.", "InvalidSixRdPrefix",
                IpipErrorCategory.InvalidArgument, "Give an IPv4 prefix such as 192.0.2.0/24, or none.", relay);
        }
    }
}
