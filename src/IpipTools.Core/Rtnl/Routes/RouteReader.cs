using System.Net;
using IpipTools.Core.Model;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Routes;

/// <summary>Builds <see cref="RouteEntry"/> objects straight from RTM_NEWROUTE messages in the receive buffer.</summary>
public static class RouteReader
{
    private static readonly int HeaderSize = System.Runtime.InteropServices.Marshal.SizeOf<RtMessage>();

    public static RouteEntry Read(NetlinkMessage message, Func<int, string?> deviceName, string? namespaceName)
    {
        var header = message.ReadFixedHeader<RtMessage>();
        var a = message.ReadAttributes(HeaderSize);
        var any = header.Family == AddressFamilies.Inet6 ? IPAddress.IPv6Any : IPAddress.Any;
        var destination = a.GetAddress(RouteAttribute.Destination) ?? any;
        var maxPrefix = destination.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        if (header.DestinationLength > maxPrefix)
        {
            throw new NetlinkProtocolException($"route prefix length {header.DestinationLength} exceeds {maxPrefix}");
        }

        var deviceIndex = (int)(a.GetUInt32(RouteAttribute.OutputInterface) ?? 0);
        return new RouteEntry
        {
            Destination = new IPNetwork(Mask(destination, header.DestinationLength), header.DestinationLength),
            Gateway = a.GetAddress(RouteAttribute.Gateway),
            DeviceIndex = deviceIndex,
            Device = deviceIndex == 0 ? null : deviceName(deviceIndex),
            OnLink = header.Flags.HasFlag(RouteFlags.OnLink),
            Flags = header.Flags,
            Scope = header.Scope,
            Table = a.GetUInt32(RouteAttribute.Table) ?? header.Table,
            Metric = a.GetUInt32(RouteAttribute.Priority) ?? 0,
            Protocol = header.Protocol,
            Type = header.Type,
            PreferredSource = a.GetAddress(RouteAttribute.PreferredSource),
            Mtu = ReadMtu(a),
            Namespace = namespaceName,
        };
    }

    private static int? ReadMtu(AttributeList attributes)
    {
        var metrics = attributes.GetNested(RouteAttribute.Metrics);
        return metrics?.GetUInt32(RouteAttribute.MetricMtu) is uint mtu ? (int)mtu : null;
    }

    /// <summary>The kernel always sends masked prefixes; masking anyway keeps a bad reply from breaking IPNetwork.</summary>
    private static IPAddress Mask(IPAddress address, int prefixLength)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        bytes = bytes[..length];
        for (var bit = prefixLength; bit < length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }
}
