using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.TestSupport;

namespace IpipTools.Core.Tests;

/// <summary>An rtnetlink client in a namespace whose socket keeps a copy of every datagram (see <see cref="RecordingNetlinkTransport"/>).</summary>
internal static class RecordingClient
{
    public static (RtnetlinkClient Client, RecordingNetlinkTransport Transport) Open(NetNamespace target, int? maxSendSize = null)
    {
        var (connection, transport) = RecordingNetlinkTransport.Open(target, maxSendSize);
        return (new RtnetlinkClient(connection, target), transport);
    }
}
