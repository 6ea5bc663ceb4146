using IpipTools.Core.Namespaces;

namespace IpipTools.Core.Rtnl;

/// <summary>
/// One rtnetlink connection per namespace, opened on first use and kept until the pool is
/// disposed. A cmdlet holds one for its whole pipeline (so a thousand piped items cost one
/// socket and one namespace thread per namespace, not a thousand), and desired state holds one
/// across plan and apply. It also adds up the change requests sent through all of them, which
/// is how a converged topology is proved to cost zero changes. Not thread-safe, like the
/// connections it holds.
/// </summary>
public sealed class ClientPool : IDisposable
{
    private readonly Dictionary<NetNamespace, RtnetlinkClient> _clients = new();

    /// <summary>Change requests of connections already closed (their namespaces were deleted).</summary>
    private long _closedChangeRequests;

    /// <summary>The connection to <paramref name="target"/>, opened on first use.</summary>
    public RtnetlinkClient Get(NetNamespace target)
    {
        if (!_clients.TryGetValue(target, out var client))
        {
            client = RtnetlinkClient.Open(target);
            _clients[target] = client;
        }

        return client;
    }

    /// <summary>Closes the connection to a namespace that is about to be deleted.</summary>
    public void Forget(NetNamespace target)
    {
        if (_clients.Remove(target, out var client))
        {
            _closedChangeRequests += client.Connection.ChangeRequestCount;
            client.Dispose();
        }
    }

    /// <summary>Change requests (not reads) sent through every connection this pool has opened.</summary>
    public long ChangeRequestCount => _closedChangeRequests + _clients.Values.Sum(c => c.Connection.ChangeRequestCount);

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _clients.Clear();
    }
}
