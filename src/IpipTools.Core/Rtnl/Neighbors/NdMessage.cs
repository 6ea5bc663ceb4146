using System.Runtime.InteropServices;

namespace IpipTools.Core.Rtnl.Neighbors;

/// <summary><c>struct ndmsg</c> (linux/neighbour.h), 12 bytes: the fixed part of RTM_NEWNEIGH, RTM_DELNEIGH and RTM_GETNEIGH, for ARP/NDP entries and bridge FDB entries alike.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct NdMessage
{
    public byte Family;
    public byte Pad1;
    public ushort Pad2;
    public int Index;
    public NeighborState State;
    public NeighborFlags Flags;
    public byte Type;
}

/// <summary>Neighbour entry states (NUD_* in linux/neighbour.h), as <c>ip neigh</c> names them.</summary>
[Flags]
public enum NeighborState : ushort
{
    None = 0,
    Incomplete = 0x01,
    Reachable = 0x02,
    Stale = 0x04,
    Delay = 0x08,
    Probe = 0x10,
    Failed = 0x20,

    /// <summary>No resolution at all: the entry's address is used as it is (NUD_NOARP).</summary>
    NoArp = 0x40,

    /// <summary>Set by hand and never aged, probed or collected (NUD_PERMANENT).</summary>
    Permanent = 0x80,
}

/// <summary>Neighbour entry flags (NTF_* in linux/neighbour.h).</summary>
[Flags]
public enum NeighborFlags : byte
{
    None = 0,
    Use = 0x01,

    /// <summary>An FDB entry of the device itself (a vxlan's remotes): <c>bridge fdb ... self</c>.</summary>
    Self = 0x02,

    /// <summary>An FDB entry of the bridge the device is a port of: <c>bridge fdb ... master</c>.</summary>
    Master = 0x04,

    /// <summary>A proxy ARP/NDP entry: the host answers for the address (<c>ip neigh add proxy</c>).</summary>
    Proxy = 0x08,
    ExtLearned = 0x10,
    Offloaded = 0x20,
    Sticky = 0x40,

    /// <summary>The IPv6 neighbour is a router (<c>ip -6 neigh ... router</c>).</summary>
    Router = 0x80,
}

/// <summary>NDA_* attribute types (linux/neighbour.h).</summary>
public static class NeighborAttribute
{
    public const ushort Destination = 1;
    public const ushort LinkLayerAddress = 2;
    public const ushort CacheInfo = 3;
    public const ushort Probes = 4;
    public const ushort Vlan = 5;
    public const ushort Port = 6;
    public const ushort Vni = 7;
    public const ushort InterfaceIndex = 8;
    public const ushort Master = 9;
    public const ushort Protocol = 12;
}

/// <summary>Prints states as <c>ip neigh</c> does: "PERMANENT", "STALE", "NOARP".</summary>
public static class NeighborStateFormat
{
    public static string ToIpString(this NeighborState state) => state == NeighborState.None
        ? "NONE"
        : string.Join(' ', Enum.GetValues<NeighborState>().Where(s => s != NeighborState.None && state.HasFlag(s)).Select(s => s.ToString().ToUpperInvariant()));
}
