using IpipTools.Core.Interop;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Xfrm;

/// <summary>
/// One NETLINK_XFRM connection bound to one network namespace, with the operations on its
/// IPsec states and policies. Like <see cref="Rtnl.RtnetlinkClient"/>, the socket is opened
/// inside the namespace on a short-lived thread (<see cref="NamespaceThread"/>) and stays
/// bound to it; the same netlink layer carries the requests, only the protocol differs. Not
/// thread-safe: one per thread.
/// </summary>
public sealed class XfrmClient : IDisposable
{
    private XfrmClient(NetlinkConnection connection, NetNamespace netNamespace)
    {
        Connection = connection;
        Namespace = netNamespace;
        States = new XfrmStateOperations(this);
        Policies = new XfrmPolicyOperations(this);
    }

    public NetNamespace Namespace { get; }

    public NetlinkConnection Connection { get; }

    public XfrmStateOperations States { get; }

    public XfrmPolicyOperations Policies { get; }

    /// <summary>What objects read through this client report as their namespace: a name, a path, or null.</summary>
    internal string? NamespaceName => Namespace.Namespace;

    /// <summary>Opens a connection to the namespace <paramref name="target"/> (default: the caller's).</summary>
    public static XfrmClient Open(NetNamespace? target = null)
    {
        target ??= NetNamespace.Caller;
        var socket = NamespaceThread.Run(target, () => NetlinkSocket.Open(LinuxConstants.NETLINK_XFRM));
        return new XfrmClient(new NetlinkConnection(socket), target);
    }

    /// <summary>Opens a connection to the namespace named <paramref name="nameOrPath"/> (null: the caller's).</summary>
    public static XfrmClient Open(string? nameOrPath) => Open(NetNamespace.Parse(nameOrPath));

    public void Dispose() => Connection.Dispose();
}
