using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;

namespace IpipTools.TestSupport;

/// <summary>What one receive on a scripted transport yields: a datagram, or a failing recv with an errno.</summary>
public sealed class ScriptedReceive
{
    private ScriptedReceive(byte[]? datagram, int errno)
    {
        Datagram = datagram;
        Errno = errno;
    }

    public byte[]? Datagram { get; }

    public int Errno { get; }

    public static ScriptedReceive Of(byte[] datagram) => new(datagram, 0);

    /// <summary>recv(2) failing, e.g. with ENOBUFS after the receive queue overflowed.</summary>
    public static ScriptedReceive Failure(int errno) => new(null, errno);
}

/// <summary>
/// A fake kernel for what the real one cannot be made to do on demand (an
/// interrupted dump, a lost message, a reply for another port). Every datagram
/// sent is recorded and handed to <c>respond</c> with its parsed messages; what it
/// returns is queued for the following receives. Receiving with nothing queued
/// fails like the real socket's reply timeout, so a test never hangs.
/// </summary>
public sealed class ScriptedNetlinkTransport : INetlinkTransport
{
    private readonly Func<IReadOnlyList<NetlinkMessage>, IEnumerable<ScriptedReceive>> _respond;
    private readonly Queue<ScriptedReceive> _pending = new();

    public ScriptedNetlinkTransport(Func<IReadOnlyList<NetlinkMessage>, IEnumerable<ScriptedReceive>> respond, uint portId = 4242, int maxSendSize = 64 * 1024)
    {
        _respond = respond;
        PortId = portId;
        MaxSendSize = maxSendSize;
    }

    public uint PortId { get; }

    public int MaxSendSize { get; }

    /// <summary>Every datagram sent, in order.</summary>
    public List<byte[]> Sent { get; } = new();

    /// <summary>Every datagram handed out by <see cref="Receive"/>, in order.</summary>
    public List<byte[]> Delivered { get; } = new();

    public bool Disposed { get; private set; }

    public void Send(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second = default)
    {
        var datagram = new byte[first.Length + second.Length];
        first.CopyTo(datagram);
        second.CopyTo(datagram.AsSpan(first.Length));
        Sent.Add(datagram);
        foreach (var reply in _respond(NetlinkMessage.ParseAll(datagram)))
        {
            _pending.Enqueue(reply);
        }
    }

    public int Receive(Span<byte> buffer)
    {
        if (!_pending.TryDequeue(out var next))
        {
            throw new SystemCallException("recv(AF_NETLINK)", Errno.EAGAIN, "the scripted kernel has nothing more to say");
        }

        if (next.Datagram is null)
        {
            throw new SystemCallException("recv(AF_NETLINK)", next.Errno);
        }

        next.Datagram.CopyTo(buffer);
        Delivered.Add(next.Datagram);
        return next.Datagram.Length;
    }

    public void Dispose() => Disposed = true;
}
