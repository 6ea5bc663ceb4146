using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.BridgeFdb;

/// <summary>Plain-words explanations for what the kernel says when it refuses an FDB entry.</summary>
internal static class BridgeFdbErrors
{
    public static NetlinkException Explain(NetlinkException e, BridgeFdbEntry entry, EntryChange change) => e.ErrorNumber switch
    {
        Errno.EEXIST => e.Explain($"{entry.Device} already has an entry for {entry.MacAddress}",
            "To send to one more remote (a vxlan's flood list), add with -Append; otherwise remove the entry first.", "FdbEntryExists", entry),
        Errno.ENOENT => e.Explain($"{entry.Device} has no entry for {entry.MacAddress}{(entry.Destination is null ? string.Empty : $" to {entry.Destination}")}",
            "List the entries with Get-BridgeFdbEntry (or 'bridge fdb').", "FdbEntryNotFound", entry),
        Errno.EOPNOTSUPP when entry.Master && !entry.Self => e.Explain($"{entry.Device} is no bridge port, so there is no bridge (master) table for the entry to go in",
            $"Make {entry.Device} a port first (Set-NetLink {entry.Device} -Master BRIDGE), or, for the device's own table, Add-BridgeFdbEntry -Self.", "FdbDeviceNotBridgePort", entry),
        Errno.EOPNOTSUPP or Errno.EINVAL when change != EntryChange.Delete && entry.Self && e.KernelMessage is null =>
            e.Explain($"{entry.Device} keeps no forwarding database of its own (self): a bridge port's entries belong to its bridge",
                "Give -Master for a port of a bridge; -Self is for a vxlan device or the bridge itself.", "FdbTableUnsupported", entry),
        _ => e.Explain(e.Explanation ?? Errno.Describe(e.ErrorNumber), e.RecommendedAction ?? "Check the entry against 'bridge fdb help'.",
            e.ErrorId == "NetlinkRequestFailed" ? "FdbEntryRejected" : e.ErrorId, entry),
    };
}
