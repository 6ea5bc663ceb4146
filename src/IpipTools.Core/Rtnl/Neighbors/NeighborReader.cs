using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Neighbors;

/// <summary>Builds <see cref="Neighbor"/>s from RTM_NEWNEIGH messages of family AF_INET or AF_INET6.</summary>
public static class NeighborReader
{
    private static readonly int HeaderSize = System.Runtime.CompilerServices.Unsafe.SizeOf<NdMessage>();

    public static Neighbor Read(NetlinkMessage message, Func<int, string?> deviceName, string? namespaceName)
    {
        var header = message.ReadFixedHeader<NdMessage>();
        var a = message.ReadAttributes(HeaderSize);
        var address = a.GetAddress(NeighborAttribute.Destination) ?? throw new NetlinkProtocolException("a neighbour message without NDA_DST");
        return new Neighbor(address, deviceName(header.Index) ?? $"if{header.Index}")
        {
            DeviceIndex = header.Index,
            LinkLayerAddress = a.TryGet(NeighborAttribute.LinkLayerAddress, out var lladdr) ? LinkLayerAddress.Format(lladdr.Payload.Span) : null,
            State = header.State,
            IsRouter = header.Flags.HasFlag(NeighborFlags.Router),
            Proxy = header.Flags.HasFlag(NeighborFlags.Proxy),
            Flags = header.Flags,
            Namespace = namespaceName,
        };
    }
}
