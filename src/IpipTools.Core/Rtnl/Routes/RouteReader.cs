using System.Net;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Routes;

/// <summary>Builds read <see cref="Route"/>s straight from RTM_NEWROUTE messages in the receive buffer.</summary>
public static class RouteReader
{
    private static readonly int HeaderSize = System.Runtime.CompilerServices.Unsafe.SizeOf<RtMessage>();

    /// <remarks>
    /// One pass over the attributes, without building an <see cref="AttributeList"/>: a dump
    /// of 100,000 routes calls this 100,000 times, and what it allocates is what streaming
    /// costs. As with <see cref="AttributeList.TryGet"/>, the first attribute of a type wins.
    /// </remarks>
    public static Route Read(NetlinkMessage message, Func<int, string?> deviceName, string? namespaceName)
    {
        var header = message.ReadFixedHeader<RtMessage>();
        NetlinkAttribute? destination = null, gateway = null, source = null, metrics = null;
        uint? table = null, priority = null, outputInterface = null;
        foreach (var attribute in message.EnumerateAttributes(HeaderSize))
        {
            switch (attribute.Type)
            {
                case RouteAttribute.Destination: destination ??= attribute; break;
                case RouteAttribute.Gateway: gateway ??= attribute; break;
                case RouteAttribute.PreferredSource: source ??= attribute; break;
                case RouteAttribute.Metrics: metrics ??= attribute; break;
                case RouteAttribute.Table: table ??= attribute.AsUInt32(); break;
                case RouteAttribute.Priority: priority ??= attribute.AsUInt32(); break;
                case RouteAttribute.OutputInterface: outputInterface ??= attribute.AsUInt32(); break;
            }
        }

        var deviceIndex = (int)(outputInterface ?? 0);
        return new Route(ReadDestination(destination, header))
        {
            Gateway = gateway?.AsAddress(),
            DeviceIndex = deviceIndex,
            Device = deviceIndex == 0 ? null : deviceName(deviceIndex),
            OnLink = header.Flags.HasFlag(RouteFlags.OnLink),
            Flags = header.Flags,
            Scope = header.Scope,
            Table = (RouteTable)(table ?? header.Table),
            Metric = priority ?? 0,
            Protocol = header.Protocol,
            Type = header.Type,
            PreferredSource = source?.AsAddress(),
            Mtu = metrics?.AsNested().GetUInt32(RouteAttribute.MetricMtu) is uint mtu ? (int)mtu : null,
            Namespace = namespaceName,
        };
    }

    /// <summary>The destination prefix; a default route has no RTA_DST, only the family says how long its zeros are.</summary>
    private static IPNetwork ReadDestination(NetlinkAttribute? attribute, RtMessage header)
    {
        Span<byte> any = stackalloc byte[header.Family == AddressFamilies.Inet6 ? 16 : 4];
        any.Clear();
        return PrefixReader.Read(attribute is NetlinkAttribute destination ? destination.Payload.Span : any, header.DestinationLength);
    }
}
