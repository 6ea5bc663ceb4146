namespace IpipTools.Core.Netlink;

/// <summary>
/// Where a <see cref="NetlinkConnection"/> sends and receives datagrams. The real
/// one is <see cref="NetlinkSocket"/>; tests use a scripted one only for what a live
/// kernel cannot be made to do on demand (an interrupted dump, a lost ACK, garbage).
/// </summary>
public interface INetlinkTransport : IDisposable
{
    uint PortId { get; }

    /// <summary>The largest datagram one send may carry.</summary>
    int MaxSendSize { get; }

    void Send(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second = default);

    /// <summary>Receives one datagram and returns its length.</summary>
    int Receive(Span<byte> buffer);
}
