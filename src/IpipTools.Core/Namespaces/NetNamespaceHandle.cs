using IpipTools.Core.Interop;

namespace IpipTools.Core.Namespaces;

/// <summary>An open descriptor of a namespace file, for setns(2) or IFLA_NET_NS_FD.</summary>
public sealed class NetNamespaceHandle : IDisposable
{
    private int _fd;

    internal NetNamespaceHandle(int fd, NetNamespace netNamespace)
    {
        _fd = fd;
        Namespace = netNamespace;
    }

    public NetNamespace Namespace { get; }

    public int Fd => _fd >= 0 ? _fd : throw new ObjectDisposedException(nameof(NetNamespaceHandle));

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            LibC.Close(fd);
        }
    }
}
