using IpipTools.Core.Errors;
using IpipTools.Core.Interop;
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
        var id = client.Connection.Query($"get the id of namespace '{other}' {client.Namespace.Describe()}", GetNamespaceId,
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
        NetNamespaceStore.List().FirstOrDefault(n => !n.Equals(client.Namespace) && IdIfAlive(client, n) == id);

    /// <summary>
    /// <see cref="IdOf"/>, for a namespace that may go while the list is read: another process
    /// deleting one (ip netns del, a test's clean-up) leaves a file that is gone (ENOENT) or
    /// one the kernel refuses as a dead namespace (EINVAL, "Peer netns reference is invalid").
    /// Such a namespace is not the one asked for; seen under load as a whole listing failing.
    /// </summary>
    private static int? IdIfAlive(RtnetlinkClient client, NetNamespace other)
    {
        try
        {
            return IdOf(client, other);
        }
        catch (IpipToolsException e) when (e.ErrorId == "NamespaceNotFound"
            || e is NetlinkException { ErrorNumber: Errno.EINVAL or Errno.ENOENT }
            || e is SystemCallException { ErrorNumber: Errno.ENOENT or Errno.EINVAL })
        {
            return null;
        }
    }
}
