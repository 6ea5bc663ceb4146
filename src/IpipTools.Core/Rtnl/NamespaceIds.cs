using IpipTools.Core.Namespaces;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl;

/// <summary>
/// Network namespace ids (linux/net_namespace.h): the number one namespace knows another
/// by, as IFLA_LINK_NETNSID reports it for a veth whose peer lives elsewhere. A namespace
/// has no name for the id; the named namespace it stands for is found by asking for the id
/// of each in turn (RTM_GETNSID with NETNSA_FD, as <c>ip netns list-id</c> does).
/// </summary>
internal static class NamespaceIds
{
    private const ushort GetNamespaceId = 90;   // RTM_GETNSID
    private const ushort IdAttribute = 1;       // NETNSA_NSID
    private const ushort FdAttribute = 3;       // NETNSA_FD
    private const int HeaderSize = 4;           // struct rtgenmsg, padded to NLMSG_ALIGNTO

    /// <summary>The id <paramref name="client"/>'s namespace has for <paramref name="other"/>; null when it has none.</summary>
    public static int? IdOf(RtnetlinkClient client, NetNamespace other)
    {
        using var handle = other.OpenHandle();
        var id = client.Connection.Query($"get the id of namespace '{other}' {client.NamespaceDescription}", GetNamespaceId,
            w =>
            {
                w.WriteStruct(0); // rtgenmsg: family AF_UNSPEC, and padding
                w.AddUInt32(FdAttribute, (uint)handle.Fd);
            },
            m => m.ReadAttributes(HeaderSize).TryGet(IdAttribute, out var a) ? a.AsInt32() : -1);
        return id < 0 ? null : id;
    }

    /// <summary>The named namespace (under /run/netns) <paramref name="client"/>'s namespace knows by <paramref name="id"/>, if any.</summary>
    public static NetNamespace? Find(RtnetlinkClient client, int id) =>
        NetNamespaceStore.List().FirstOrDefault(n => !n.Equals(client.Namespace) && IdOf(client, n) == id);
}
