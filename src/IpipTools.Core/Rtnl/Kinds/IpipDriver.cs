using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// IFLA_INFO_DATA of kind "ipip". Every attribute is always sent, in the order the
/// kernel's ipip_fill_info reports them: a change request replaces the tunnel's
/// whole parameter set (anything omitted is reset), so the only safe request is a
/// complete one, and emitting in the kernel's order makes our bytes comparable with
/// its own. The attributes ipip shares with sit and gre are coded by
/// <see cref="Ipv4TunnelAttributes"/>.
/// </summary>
internal sealed class IpipDriver : Ipv4TunnelDriver<IpipParameters>
{
    private static readonly byte[] Protocols = { IpipParameters.ProtocolIpip, IpipParameters.ProtocolMpls, IpipParameters.ProtocolAny };

    private static Ipv4TunnelAttributes Attributes => Ipv4TunnelAttributes.IpTunnel;

    public override string Kind => "ipip";

    public override string KernelModule => "ipip";

    public override string KernelConfigOption => "CONFIG_NET_IPIP";

    public override void WriteInfoData(MessageWriter writer, IpipParameters ipip, LinkEncodingContext context)
    {
        Validate(ipip);
        writer.AddUInt32(IpTunnelAttribute.Link, (uint)ipip.UnderlayIndex);
        Attributes.WriteEndpoints(writer, ipip);
        writer.AddByte(IpTunnelAttribute.Protocol, ipip.Protocol);
        Attributes.WritePathMtuDiscovery(writer, ipip);
        writer.AddUInt32(IpTunnelAttribute.FirewallMark, ipip.FirewallMark);
        Attributes.WriteEncapsulation(writer, ipip);
        Attributes.WriteCollectMetadata(writer, ipip);
    }

    public override IpipParameters Read(AttributeList? data) =>
        data is null
            ? new IpipParameters()
            : Attributes.Read(data, new IpipParameters
            {
                Protocol = data.GetByte(IpTunnelAttribute.Protocol) ?? IpipParameters.ProtocolIpip,
            });

    /// <summary>Checks what the kernel would refuse or silently misread, before anything is sent.</summary>
    internal static void Validate(IpipParameters ipip)
    {
        Ipv4TunnelAttributes.RequireIPv4Endpoints(ipip);
        Ipv4TunnelAttributes.RefuseFixedTtlWithoutPathMtuDiscovery(ipip);
        Ipv4TunnelAttributes.RequireProtocol(ipip, ipip.Protocol, Protocols, "4 (IPv4 in IPv4), 137 (MPLS) or 0 (any)");
    }
}
