using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// IFLA_INFO_DATA of kind "ipip". Every attribute is always sent, in the order the
/// kernel's ipip_fill_info reports them: a change request replaces the tunnel's
/// whole parameter set (anything omitted is reset), so the only safe request is a
/// complete one, and emitting in the kernel's order makes our bytes comparable with
/// its own.
/// </summary>
internal sealed class IpipDriver : ILinkKindDriver
{
    public string Kind => "ipip";

    public Type ParametersType => typeof(IpipParameters);

    public void WriteInfoData(MessageWriter writer, LinkKindParameters parameters, LinkEncodingContext context)
    {
        var ipip = (IpipParameters)parameters;
        Validate(ipip);
        writer.AddUInt32(IpTunnelAttribute.Link, (uint)ipip.UnderlayIndex);
        writer.AddAddress(IpTunnelAttribute.Local, ipip.Local ?? IPAddress.Any);
        writer.AddAddress(IpTunnelAttribute.Remote, ipip.Remote ?? IPAddress.Any);
        writer.AddByte(IpTunnelAttribute.Ttl, ipip.Ttl);
        writer.AddByte(IpTunnelAttribute.Tos, ipip.Tos);
        writer.AddByte(IpTunnelAttribute.Protocol, ipip.Protocol);
        writer.AddByte(IpTunnelAttribute.PathMtuDiscovery, ipip.PathMtuDiscovery ? (byte)1 : (byte)0);
        writer.AddUInt32(IpTunnelAttribute.FirewallMark, ipip.FirewallMark);
        writer.AddUInt16(IpTunnelAttribute.EncapType, (ushort)ipip.Encapsulation.Type);
        writer.AddUInt16BigEndian(IpTunnelAttribute.EncapSourcePort, ipip.Encapsulation.SourcePort);
        writer.AddUInt16BigEndian(IpTunnelAttribute.EncapDestinationPort, ipip.Encapsulation.DestinationPort);
        writer.AddUInt16(IpTunnelAttribute.EncapFlags, ipip.Encapsulation.Flags);
        if (ipip.CollectMetadata)
        {
            writer.AddFlag(IpTunnelAttribute.CollectMetadata);
        }
    }

    public LinkKindParameters Read(AttributeList? data)
    {
        if (data is null)
        {
            return new IpipParameters();
        }

        return new IpipParameters
        {
            UnderlayIndex = (int)(data.GetUInt32(IpTunnelAttribute.Link) ?? 0),
            Local = NullIfAny(data.GetAddress(IpTunnelAttribute.Local)),
            Remote = NullIfAny(data.GetAddress(IpTunnelAttribute.Remote)),
            Ttl = data.GetByte(IpTunnelAttribute.Ttl) ?? 0,
            Tos = data.GetByte(IpTunnelAttribute.Tos) ?? 0,
            Protocol = data.GetByte(IpTunnelAttribute.Protocol) ?? IpipParameters.ProtocolIpip,
            PathMtuDiscovery = (data.GetByte(IpTunnelAttribute.PathMtuDiscovery) ?? 1) != 0,
            FirewallMark = data.GetUInt32(IpTunnelAttribute.FirewallMark) ?? 0,
            Encapsulation = ReadEncapsulation(data),
            CollectMetadata = data.Contains(IpTunnelAttribute.CollectMetadata),
        };
    }

    internal static TunnelEncapsulation ReadEncapsulation(AttributeList data)
    {
        var type = data.TryGet(IpTunnelAttribute.EncapType, out var t) ? t.AsUInt16() : (ushort)0;
        var flags = data.TryGet(IpTunnelAttribute.EncapFlags, out var f) ? f.AsUInt16() : (ushort)0;
        var sport = data.TryGet(IpTunnelAttribute.EncapSourcePort, out var s) ? s.AsUInt16BigEndian() : (ushort)0;
        var dport = data.TryGet(IpTunnelAttribute.EncapDestinationPort, out var d) ? d.AsUInt16BigEndian() : (ushort)0;
        var encapsulation = new TunnelEncapsulation((TunnelEncapsulationType)type, flags, sport, dport);
        return encapsulation == TunnelEncapsulation.None ? TunnelEncapsulation.None : encapsulation;
    }

    internal static IPAddress? NullIfAny(IPAddress? address) =>
        address is null || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? null : address;

    /// <summary>Checks what the kernel would refuse or silently misread, before anything is sent.</summary>
    internal static void Validate(IpipParameters ipip)
    {
        RequireIPv4(ipip.Local, "local");
        RequireIPv4(ipip.Remote, "remote");
        if (!ipip.PathMtuDiscovery && ipip.Ttl != 0)
        {
            throw new IpipToolsException(
                $"A fixed TTL ({ipip.Ttl}) and path MTU discovery off cannot go together: a fixed TTL makes the kernel set DF on outer packets, which is path MTU discovery.",
                "ConflictingTunnelOptions", IpipErrorCategory.InvalidArgument,
                "Either keep path MTU discovery on, or use TTL 0 (inherit).", ipip);
        }

        if (ipip.Protocol is not (IpipParameters.ProtocolIpip or IpipParameters.ProtocolMpls or IpipParameters.ProtocolAny))
        {
            throw new IpipToolsException(
                $"Inner protocol {ipip.Protocol} is not one an ipip tunnel carries.",
                "InvalidTunnelProtocol", IpipErrorCategory.InvalidArgument,
                "Use 4 (IPv4 in IPv4), 137 (MPLS) or 0 (any).", ipip);
        }
    }

    private static void RequireIPv4(IPAddress? address, string role)
    {
        if (address is not null && address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            throw new IpipToolsException(
                $"The {role} address {address} is not IPv4; an ipip tunnel carries IPv4 over IPv4 endpoints.",
                "InvalidTunnelEndpoint", IpipErrorCategory.InvalidArgument,
                "Give an IPv4 address, or use an ip6tnl tunnel for IPv6 endpoints.", address);
        }
    }
}
