using System.Numerics;
using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Rtnl.Neighbors;

/// <summary>The one place a <see cref="Neighbor"/> is checked against its device and becomes an ndmsg and its NDA_* attributes.</summary>
internal static class NeighborEncoder
{
    /// <summary>The states an entry can be set to by hand; the others are the kernel's steps of resolution.</summary>
    public const NeighborState SettableStates = NeighborState.Permanent | NeighborState.Reachable | NeighborState.Stale | NeighborState.NoArp;

    /// <summary>
    /// Refuses what the kernel would refuse with a bare EINVAL, or take otherwise than meant, and
    /// returns the link-layer address's bytes (null when none is given). <paramref name="device"/>
    /// is the device as read: its own link-layer address says how long a neighbour's must be
    /// (six bytes on Ethernet, four on an IPv4 tunnel such as NBMA gre).
    /// </summary>
    public static byte[]? Validate(Neighbor neighbor, EntryChange change, Link device)
    {
        if (change == EntryChange.Delete)
        {
            return null;
        }

        if (neighbor.Proxy)
        {
            if (neighbor.LinkLayerAddress is not null)
            {
                throw Invalid(neighbor, "a proxy entry answers with the device's own link-layer address and takes none", "NeighborProxyWithAddress",
                    "Leave -LinkLayerAddress out of a proxy entry.");
            }

            return null;
        }

        // One state, and one a person sets: the others are steps of the kernel's resolution.
        if ((neighbor.State & ~SettableStates) != 0 || BitOperations.PopCount((uint)neighbor.State) != 1)
        {
            throw Invalid(neighbor, $"the state {neighbor.State} is not one an entry is set to", "NeighborStateUnsupported",
                "Give -State Permanent (the default), Reachable, Stale or NoArp.");
        }

        var deviceLength = device.HardwareAddress is { Length: > 0 } own ? LinkLayerAddress.Parse(own)?.Length ?? 0 : 0;
        if (neighbor.LinkLayerAddress is null)
        {
            if (deviceLength > 0 && change != EntryChange.Change)
            {
                throw Invalid(neighbor, $"it gives no link-layer address, and {device.Name} needs one ({deviceLength} bytes, like its own {device.HardwareAddress})",
                    "NeighborNeedsLinkLayerAddress", "Give -LinkLayerAddress (for example the peer's MAC address, or on a gre tunnel the peer's underlay address).");
            }

            return null;
        }

        var bytes = LinkLayerAddress.Parse(neighbor.LinkLayerAddress)
            ?? throw Invalid(neighbor, $"'{neighbor.LinkLayerAddress}' is no link-layer address", "NeighborLinkLayerAddressInvalid",
                "Give hex bytes split by colons (02:00:00:00:00:01) or, on an IP tunnel, an IP address.");
        if (bytes.Length != deviceLength)
        {
            throw Invalid(neighbor, deviceLength == 0
                    ? $"{device.Name} has no link-layer addresses at all"
                    : $"'{neighbor.LinkLayerAddress}' is {bytes.Length} bytes long, and {device.Name}'s link-layer addresses are {deviceLength} (like its own, {device.HardwareAddress})",
                "NeighborLinkLayerAddressLength",
                deviceLength == 4 ? $"{device.Name} is an IPv4 tunnel: give the peer's underlay IPv4 address as the link-layer address." : $"Give an address of {deviceLength} bytes, as {device.Name}'s own is written.");
        }

        return bytes;
    }

    public static void Write(MessageWriter w, Neighbor neighbor, int deviceIndex, byte[]? linkLayerAddress, bool removing)
    {
        var flags = (neighbor.Proxy ? NeighborFlags.Proxy : NeighborFlags.None) | (neighbor.IsRouter && !removing ? NeighborFlags.Router : NeighborFlags.None);
        w.WriteStruct(new NdMessage
        {
            Family = AddressFamilies.Of(neighbor.Address),
            Index = deviceIndex,
            State = removing || neighbor.Proxy ? NeighborState.None : neighbor.State,
            Flags = flags,
        });
        w.AddAddress(NeighborAttribute.Destination, neighbor.Address);
        if (linkLayerAddress is not null)
        {
            w.AddAttribute(NeighborAttribute.LinkLayerAddress, linkLayerAddress);
        }
    }

    private static IpipToolsException Invalid(Neighbor neighbor, string why, string errorId, string action) =>
        new($"The neighbour entry '{neighbor}' cannot be sent: {why}.", errorId, IpipErrorCategory.InvalidArgument, action, neighbor);
}
