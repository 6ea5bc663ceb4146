using IpipTools.Core.Namespaces;
using IpipTools.Core.Xfrm;
using IpipTools.Infrastructure;

namespace IpipTools.Ipsec;

/// <summary>
/// A cmdlet of the IPsec family: it works on the NETLINK_XFRM connection of a namespace,
/// one per namespace for the whole pipeline (opened on first use, closed when the pipeline
/// ends), as the other cmdlets do with rtnetlink.
/// </summary>
public abstract class XfrmCmdlet : NamespacedCmdlet
{
    private XfrmConnections? _connections;

    /// <summary>This pipeline's xfrm connection to <paramref name="target"/>, opened on first use.</summary>
    protected XfrmClient Xfrm(NetNamespace target) => (_connections ??= EndsWithPipeline(new XfrmConnections())).Get(target);

    /// <summary>The open connections, closed with the pipeline.</summary>
    private sealed class XfrmConnections : IDisposable
    {
        private readonly Dictionary<NetNamespace, XfrmClient> _clients = new();

        public XfrmClient Get(NetNamespace target)
        {
            if (!_clients.TryGetValue(target, out var client))
            {
                client = XfrmClient.Open(target);
                _clients[target] = client;
            }

            return client;
        }

        public void Dispose()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            _clients.Clear();
        }
    }
}
