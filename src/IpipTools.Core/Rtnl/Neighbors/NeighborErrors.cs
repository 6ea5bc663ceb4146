using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Neighbors;

/// <summary>Plain-words explanations for what the kernel says when it refuses a neighbour entry.</summary>
internal static class NeighborErrors
{
    public static NetlinkException Explain(NetlinkException e, Neighbor neighbor, EntryChange change) => e.ErrorNumber switch
    {
        Errno.EEXIST => e.Explain($"{neighbor.Address} already has {(neighbor.Proxy ? "a proxy entry" : "an entry")} on {neighbor.Device}",
            "Change it with Set-IpNeighbor, or remove it first.", "NeighborExists", neighbor),
        Errno.ENOENT => e.Explain($"{neighbor.Address} has no {(neighbor.Proxy ? "proxy entry" : "entry")} on {neighbor.Device}",
            change == EntryChange.Change ? "Add it with Add-IpNeighbor; Set-IpNeighbor changes an entry that exists." : "List the entries with Get-IpNeighbor (or 'ip neigh').",
            "NeighborNotFound", neighbor),
        Errno.ENODEV => e.Explain($"the device {neighbor.Device} does not exist", "Check the device name and namespace.", "LinkNotFound", neighbor),
        _ => e.Explain(e.Explanation ?? Errno.Describe(e.ErrorNumber), e.RecommendedAction ?? "Check the entry against 'ip neigh help'.",
            e.ErrorId == "NetlinkRequestFailed" ? "NeighborRejected" : e.ErrorId, neighbor),
    };
}
