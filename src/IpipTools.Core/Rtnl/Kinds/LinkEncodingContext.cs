using IpipTools.Core.Namespaces;

namespace IpipTools.Core.Rtnl.Kinds;

/// <summary>
/// Resources a link request needs while it is being sent, such as the file
/// descriptor of a peer's namespace for IFLA_NET_NS_FD; all closed on dispose.
/// </summary>
public sealed class LinkEncodingContext : IDisposable
{
    private readonly List<NetNamespaceHandle> _handles = new();

    /// <summary>An open descriptor of <paramref name="target"/>, valid until this context is disposed.</summary>
    public int NamespaceFd(NetNamespace target)
    {
        var handle = target.OpenHandle();
        _handles.Add(handle);
        return handle.Fd;
    }

    public void Dispose()
    {
        foreach (var handle in _handles)
        {
            handle.Dispose();
        }

        _handles.Clear();
    }
}
