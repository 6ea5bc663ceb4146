using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Neighbors;

namespace IpipTools.Core.Rtnl.BridgeFdb;

/// <summary>The one place a <see cref="BridgeFdbEntry"/> is checked and becomes an ndmsg of family AF_BRIDGE and its NDA_* attributes.</summary>
internal static class BridgeFdbEncoder
{
    /// <summary>The largest VXLAN network identifier: 24 bits.</summary>
    public const uint MaxVni = 0xFFFFFF;

    /// <summary>Refuses what the kernel would refuse with a bare EINVAL; returns the MAC address's six bytes.</summary>
    public static byte[] Validate(BridgeFdbEntry entry)
    {
        var mac = LinkLayerAddress.Parse(entry.MacAddress);
        if (mac is not { Length: 6 } || entry.MacAddress.Contains('.'))
        {
            throw Invalid(entry, $"'{entry.MacAddress}' is no MAC address", "FdbMacAddressInvalid", "Give six hex bytes split by colons, such as 00:00:00:00:00:00 (the entry that floods to a vxlan remote).");
        }

        if (entry.Vni is > MaxVni)
        {
            throw Invalid(entry, $"the VNI {entry.Vni} does not fit in 24 bits", "FdbVniOutOfRange", $"Give a VNI from 0 to {MaxVni}.");
        }

        if (entry.Vlan is 0 or > 4094)
        {
            throw Invalid(entry, $"the VLAN {entry.Vlan} is outside 1 to 4094", "FdbVlanOutOfRange", "Give a VLAN id from 1 to 4094, or leave -Vlan out.");
        }

        if (!entry.Self && !entry.Master)
        {
            throw Invalid(entry, "it names neither the device's own table (self) nor its bridge's (master)", "FdbTableUnspecified", "Give -Self (the default, as for a vxlan) or -Master (a bridge port).");
        }

        return mac;
    }

    public static void Write(MessageWriter w, BridgeFdbEntry entry, int deviceIndex, byte[] mac, bool removing)
    {
        w.WriteStruct(new NdMessage
        {
            Family = BridgeFdbReader.Family,
            Index = deviceIndex,

            // As bridge fdb sends them: permanent is also noarp, static is noarp and reachable.
            State = removing ? NeighborState.None : entry.State switch
            {
                BridgeFdbState.Permanent => NeighborState.NoArp | NeighborState.Permanent,
                BridgeFdbState.Static => NeighborState.NoArp | NeighborState.Reachable,
                _ => NeighborState.Reachable,
            },
            Flags = (entry.Self ? NeighborFlags.Self : NeighborFlags.None) | (entry.Master ? NeighborFlags.Master : NeighborFlags.None),
        });
        w.AddAttribute(NeighborAttribute.LinkLayerAddress, mac);
        if (entry.Destination is not null)
        {
            w.AddAddress(NeighborAttribute.Destination, entry.Destination);
        }

        if (entry.Vlan is ushort vlan)
        {
            w.AddUInt16(NeighborAttribute.Vlan, vlan);
        }

        if (entry.Vni is uint vni)
        {
            w.AddUInt32(NeighborAttribute.Vni, vni);
        }
    }

    private static IpipToolsException Invalid(BridgeFdbEntry entry, string why, string errorId, string action) =>
        new($"The FDB entry '{entry}' cannot be sent: {why}.", errorId, IpipErrorCategory.InvalidArgument, action, entry);
}
