using System.Globalization;
using System.Net;
using IpipTools.Core.Rtnl.Neighbors;

namespace IpipTools.Core.Rtnl.BridgeFdb;

/// <summary>How long a bridge FDB entry lives, as <c>bridge fdb</c> names it.</summary>
public enum BridgeFdbState
{
    /// <summary>The entry is the device's own address (<c>permanent</c>); what <c>bridge fdb add</c> makes when told nothing, and what a vxlan's remotes are.</summary>
    Permanent,

    /// <summary>Set by hand and never aged (<c>static</c>).</summary>
    Static,

    /// <summary>Learned, or added to age like a learned one (<c>dynamic</c>).</summary>
    Dynamic,
}

/// <summary>
/// A forwarding database entry of a bridge port or of a vxlan device (<c>bridge fdb add MAC dev
/// DEVICE [dst ADDRESS] [vni VNI] [vlan VID] [self|master] [permanent|static|dynamic]</c>):
/// where frames to <see cref="MacAddress"/> go. On a vxlan device the entry's
/// <see cref="Destination"/> is the remote VTEP, and the all-zeros MAC with one entry per
/// remote (added with append) floods broadcast and unknown frames to each: head-end
/// replication. What is asked for, and what the kernel lists.
/// </summary>
public sealed record BridgeFdbEntry(string MacAddress, string Device)
{
    /// <summary>The device's index, as read.</summary>
    public int DeviceIndex { get; init; }

    /// <summary>The bridge the device is a port of, as read (NDA_MASTER).</summary>
    public string? Bridge { get; init; }

    /// <summary>The entry is in the device's own table (<c>self</c>): a vxlan's remotes, a bridge's own addresses.</summary>
    public bool Self { get; init; }

    /// <summary>The entry is in the table of the bridge the device is a port of (<c>master</c>).</summary>
    public bool Master { get; init; }

    /// <summary>The remote endpoint frames to this MAC are sent to (<c>dst</c>, a vxlan's VTEP).</summary>
    public IPAddress? Destination { get; init; }

    /// <summary>The VXLAN network identifier used towards <see cref="Destination"/> (<c>vni</c>); the device's own when left out.</summary>
    public uint? Vni { get; init; }

    /// <summary>The VLAN the entry belongs to on a VLAN-filtering bridge (<c>vlan</c>).</summary>
    public ushort? Vlan { get; init; }

    public BridgeFdbState State { get; init; } = BridgeFdbState.Permanent;

    /// <summary>Every ndm_flags bit as read (self, master, extern_learn, sticky, offload ...).</summary>
    public NeighborFlags Flags { get; init; }

    /// <summary>The namespace the entry was read in (null: the caller's).</summary>
    public string? Namespace { get; init; }

    /// <summary>Whether <paramref name="read"/> is the entry this one asked for: same MAC, device, table, remote, VNI and VLAN.</summary>
    public bool IsMadeBy(BridgeFdbEntry read) =>
        string.Equals(read.MacAddress, MacAddress, StringComparison.OrdinalIgnoreCase) && read.Device == Device
        && read.Self == Self && read.Master == Master
        && Equals(read.Destination, Destination) && (Vni is null || read.Vni == Vni) && read.Vlan == Vlan;

    /// <summary>Like <c>bridge fdb</c> prints it: "00:00:00:00:00:00 dev vx0 dst 192.0.2.2 self permanent".</summary>
    public override string ToString() =>
        $"{MacAddress} dev {Device}"
        + (Vlan is ushort vlan ? " vlan " + vlan.ToString(CultureInfo.InvariantCulture) : string.Empty)
        + (Bridge is null ? string.Empty : " master " + Bridge)
        + (Destination is null ? string.Empty : " dst " + Destination)
        + (Vni is uint vni ? " vni " + vni.ToString(CultureInfo.InvariantCulture) : string.Empty)
        + (Self ? " self" : string.Empty)
        + (Master && Bridge is null ? " master" : string.Empty)
        + " " + State.ToString().ToLowerInvariant();
}
