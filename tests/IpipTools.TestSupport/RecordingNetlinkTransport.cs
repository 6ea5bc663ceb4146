using IpipTools.Core.Namespaces;
using IpipTools.Core.Netlink;

namespace IpipTools.TestSupport;

/// <summary>
/// A real netlink socket that keeps a copy of every datagram sent and received, so
/// tests can look at the kernel's own bytes (golden captures, sequence and port
/// checks, how many datagrams a dump took). Optionally caps the send size, which
/// makes a batch span several datagrams without needing tens of thousands of requests.
/// </summary>
public sealed class RecordingNetlinkTransport : INetlinkTransport
{
    private readonly INetlinkTransport _inner;
    private readonly int? _maxSendSize;

    public RecordingNetlinkTransport(INetlinkTransport inner, int? maxSendSize = null)
    {
        _inner = inner;
        _maxSendSize = maxSendSize;
    }

    public uint PortId => _inner.PortId;

    public int MaxSendSize => _maxSendSize ?? _inner.MaxSendSize;

    public List<byte[]> Sent { get; } = new();

    public List<byte[]> Received { get; } = new();

    /// <summary>A recording connection whose socket was opened inside <paramref name="target"/>.</summary>
    public static (NetlinkConnection Connection, RecordingNetlinkTransport Transport) Open(NetNamespace target, int? maxSendSize = null)
    {
        var socket = NamespaceThread.Run(target, () => NetlinkSocket.Open());
        var transport = new RecordingNetlinkTransport(socket, maxSendSize);
        return (new NetlinkConnection(transport), transport);
    }

    public void Send(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second = default)
    {
        var datagram = new byte[first.Length + second.Length];
        first.CopyTo(datagram);
        second.CopyTo(datagram.AsSpan(first.Length));
        Sent.Add(datagram);
        _inner.Send(first, second);
    }

    public int Receive(Span<byte> buffer)
    {
        var length = _inner.Receive(buffer);
        Received.Add(buffer[..length].ToArray());
        return length;
    }

    public void Dispose() => _inner.Dispose();
}
