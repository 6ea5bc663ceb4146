using System.Net;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.Rtnl.Links;

/// <summary>Builds <see cref="Link"/> objects from RTM_NEWLINK messages.</summary>
public static class LinkReader
{
    private const ushort ArphrdEther = 1;

    public static Link Read(LinkMessage message, string? namespaceName)
    {
        var a = message.Attributes;
        return new Link
        {
            Name = message.Name,
            Index = message.Index,
            Namespace = namespaceName,
            KindParameters = LinkKindRegistry.Read(message.Kind, message.InfoData),
            Mtu = (int)(a.GetUInt32(LinkAttribute.Mtu) ?? 0),
            Flags = message.Header.Flags,
            OperationalState = (OperationalState)(a.GetByte(LinkAttribute.OperationalState) ?? 0),
            DeviceType = (DeviceType)message.Header.DeviceType,
            HardwareAddress = a.TryGet(LinkAttribute.Address, out var address) ? FormatHardwareAddress(message.Header.DeviceType, address) : null,
            LinkedIndex = (int)(a.GetUInt32(LinkAttribute.Link) ?? 0),
            LinkedNamespaceId = a.TryGet(LinkAttribute.LinkNetNamespaceId, out var netnsId) ? netnsId.AsInt32() : null,
            MasterIndex = (int)(a.GetUInt32(LinkAttribute.Master) ?? 0),
            Alias = a.GetString(LinkAttribute.Alias),
            Statistics = a.TryGet(LinkAttribute.Stats64, out var stats) ? LinkStatistics.Parse(stats.Payload.Span) : LinkStatistics.Empty,
        };
    }

    /// <summary>Ethernet-style "aa:bb:.." except for IP tunnels, whose link address is an IPv4 address.</summary>
    internal static string FormatHardwareAddress(ushort deviceType, NetlinkAttribute attribute)
    {
        var bytes = attribute.Payload.Span;
        if (deviceType != ArphrdEther && bytes.Length == 4)
        {
            return new IPAddress(bytes).ToString();
        }

        return Convert.ToHexString(bytes).ToLowerInvariant() is var hex && hex.Length > 0
            ? string.Join(":", Enumerable.Range(0, hex.Length / 2).Select(i => hex.Substring(i * 2, 2)))
            : string.Empty;
    }
}
