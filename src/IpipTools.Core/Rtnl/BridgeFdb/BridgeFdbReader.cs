using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Neighbors;

namespace IpipTools.Core.Rtnl.BridgeFdb;

/// <summary>Builds <see cref="BridgeFdbEntry"/>s from RTM_NEWNEIGH messages of family AF_BRIDGE.</summary>
public static class BridgeFdbReader
{
    /// <summary>AF_BRIDGE (PF_BRIDGE), the family FDB entries are sent in.</summary>
    public const byte Family = 7;

    private static readonly int HeaderSize = System.Runtime.CompilerServices.Unsafe.SizeOf<NdMessage>();

    public static BridgeFdbEntry Read(NetlinkMessage message, Func<int, string?> deviceName, string? namespaceName)
    {
        var header = message.ReadFixedHeader<NdMessage>();
        var a = message.ReadAttributes(HeaderSize);
        var mac = a.TryGet(NeighborAttribute.LinkLayerAddress, out var lladdr) ? LinkLayerAddress.FormatHex(lladdr.Payload.Span)
            : throw new NetlinkProtocolException("an FDB entry without NDA_LLADDR");
        var master = (int)(a.GetUInt32(NeighborAttribute.Master) ?? 0);

        // A bridge reports its entries with NDA_MASTER and no flag: those of its ports belong to
        // the master's table, and its own (the device is the bridge) to its own, as "self" adds them.
        var self = header.Flags.HasFlag(NeighborFlags.Self) || (master != 0 && master == header.Index);
        return new BridgeFdbEntry(mac, deviceName(header.Index) ?? $"if{header.Index}")
        {
            DeviceIndex = header.Index,
            Bridge = master != 0 ? deviceName(master) ?? $"if{master}" : null,
            Destination = a.GetAddress(NeighborAttribute.Destination),
            Vni = a.GetUInt32(NeighborAttribute.Vni),
            Vlan = a.TryGet(NeighborAttribute.Vlan, out var vlan) ? vlan.AsUInt16() : null,
            State = header.State.HasFlag(NeighborState.Permanent) ? BridgeFdbState.Permanent
                : header.State.HasFlag(NeighborState.NoArp) ? BridgeFdbState.Static
                : BridgeFdbState.Dynamic,
            Self = self,
            Master = header.Flags.HasFlag(NeighborFlags.Master) || (master != 0 && !self),
            Flags = header.Flags,
            Namespace = namespaceName,
        };
    }
}
