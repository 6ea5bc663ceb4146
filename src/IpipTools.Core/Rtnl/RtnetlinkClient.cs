using IpipTools.Core.Namespaces;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.BridgeFdb;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Neighbors;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.Rtnl.Rules;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.Core.Rtnl;

/// <summary>
/// One rtnetlink connection bound to one network namespace, with the operations on
/// links, tunnels, addresses, routes, rules, neighbours and bridge FDB entries of that namespace. The socket is opened
/// inside the namespace on a short-lived thread, and stays bound to it; the
/// caller's thread never changes namespace. Not thread-safe: one per thread.
/// </summary>
public sealed class RtnetlinkClient : IDisposable
{
    internal RtnetlinkClient(NetlinkConnection connection, NetNamespace netNamespace)
    {
        Connection = connection;
        Namespace = netNamespace;
        Links = new LinkOperations(this);
        Tunnels = new TunnelOperations(this);
        Addresses = new AddressOperations(this);
        Routes = new RouteOperations(this);
        Rules = new RuleOperations(this);
        Neighbors = new NeighborOperations(this);
        BridgeFdb = new BridgeFdbOperations(this);
    }

    public NetNamespace Namespace { get; }

    public NetlinkConnection Connection { get; }

    public LinkOperations Links { get; }

    public TunnelOperations Tunnels { get; }

    public AddressOperations Addresses { get; }

    public RouteOperations Routes { get; }

    public RuleOperations Rules { get; }

    public NeighborOperations Neighbors { get; }

    public BridgeFdbOperations BridgeFdb { get; }

    /// <summary>What objects read through this client report as their namespace: a name, a path, or null.</summary>
    internal string? NamespaceName => Namespace.Namespace;

    /// <summary>Opens a connection to the namespace <paramref name="target"/> (default: the caller's).</summary>
    public static RtnetlinkClient Open(NetNamespace? target = null)
    {
        target ??= NetNamespace.Caller;
        var socket = NamespaceThread.Run(target, () => NetlinkSocket.Open());
        return new RtnetlinkClient(new NetlinkConnection(socket), target);
    }

    /// <summary>Opens a connection to the namespace named <paramref name="nameOrPath"/> (null: the caller's).</summary>
    public static RtnetlinkClient Open(string? nameOrPath) => Open(NetNamespace.Parse(nameOrPath));

    public void Dispose() => Connection.Dispose();
}
