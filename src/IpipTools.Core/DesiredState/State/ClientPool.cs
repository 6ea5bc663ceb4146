using IpipTools.Core.Rtnl;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// One rtnetlink connection per namespace, opened on first use and shared by the state
/// reader and the applier. It also adds up the change requests sent through all of them,
/// which is how a converged topology is proved to cost zero changes.
/// </summary>
public sealed class ClientPool : IDisposable
{
    private readonly Dictionary<string, RtnetlinkClient> _clients = new();

    /// <summary>Change requests of connections already closed (their namespaces were deleted).</summary>
    private long _closedChangeRequests;

    /// <summary>The connection to <paramref name="namespaceName"/> ("" for the current namespace).</summary>
    public RtnetlinkClient Get(string namespaceName)
    {
        if (!_clients.TryGetValue(namespaceName, out var client))
        {
            client = RtnetlinkClient.Open(NamespaceNames.Resolve(namespaceName));
            _clients[namespaceName] = client;
        }

        return client;
    }

    /// <summary>Closes the connection to a namespace that is about to be deleted.</summary>
    public void Forget(string namespaceName)
    {
        if (_clients.Remove(namespaceName, out var client))
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
