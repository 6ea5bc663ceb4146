using System.Runtime.InteropServices;
using IpipTools.Core.Interop;
using static IpipTools.Core.Interop.LinuxConstants;

namespace IpipTools.Core.Netlink;

/// <summary>
/// A raw AF_NETLINK socket opened with libc (.NET's Socket class cannot open this
/// family). The socket belongs to the network namespace of the thread that opened
/// it, for its whole life. <see cref="Rtnl.RtnetlinkClient.Open(Namespaces.NetNamespace)"/>
/// (NETLINK_ROUTE) and <see cref="Xfrm.XfrmClient.Open(Namespaces.NetNamespace)"/>
/// (NETLINK_XFRM) open one inside another namespace through
/// <see cref="Namespaces.NamespaceThread"/>, without moving the caller's thread.
/// </summary>
public sealed unsafe class NetlinkSocket : INetlinkTransport
{
    /// <summary>Big enough for the 32 KiB datagrams the kernel builds for dumps, with room to spare.</summary>
    public const int ReceiveBufferSize = 64 * 1024;

    /// <summary>Socket buffers; big so that a batch of thousands of requests never overruns.</summary>
    private const int KernelSendBuffer = 4 * 1024 * 1024;
    private const int KernelReceiveBuffer = 16 * 1024 * 1024;
    private const int SO_RCVTIMEO = 20;

    private int _fd;

    private NetlinkSocket(int fd, uint portId)
    {
        _fd = fd;
        PortId = portId;
    }

    /// <summary>The port id the kernel assigned (nl_pid); replies carry it.</summary>
    public uint PortId { get; }

    /// <summary>The most bytes one send may carry (the kernel refuses more than sk_sndbuf - 32).</summary>
    public int MaxSendSize { get; private set; } = 64 * 1024;

    public bool IsClosed => _fd < 0;

    /// <summary>Opens a socket in the calling thread's network namespace.</summary>
    public static NetlinkSocket Open(int protocol = NETLINK_ROUTE, TimeSpan? replyTimeout = null)
    {
        var fd = SystemCall.Check(LibC.Socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol), "socket(AF_NETLINK)");
        try
        {
            // Always on: the kernel's own error text and the offending attribute, and
            // errors that do not echo the whole request back.
            SetOption(fd, SOL_NETLINK, NETLINK_EXT_ACK, 1, "setsockopt(NETLINK_EXT_ACK)");
            SetOption(fd, SOL_NETLINK, NETLINK_CAP_ACK, 1, "setsockopt(NETLINK_CAP_ACK)");

            // Strict checking makes the kernel honour filters in dump requests (a table,
            // a device) and reject malformed headers; kernels before 4.20 lack it.
            TrySetOption(fd, SOL_NETLINK, NETLINK_GET_STRICT_CHK, 1);

            // FORCE variants need CAP_NET_ADMIN; fall back to what the sysctl limits allow.
            if (!TrySetOption(fd, SOL_SOCKET, SO_SNDBUFFORCE, KernelSendBuffer))
            {
                TrySetOption(fd, SOL_SOCKET, SO_SNDBUF, KernelSendBuffer);
            }

            if (!TrySetOption(fd, SOL_SOCKET, SO_RCVBUFFORCE, KernelReceiveBuffer))
            {
                TrySetOption(fd, SOL_SOCKET, SO_RCVBUF, KernelReceiveBuffer);
            }

            SetReceiveTimeout(fd, replyTimeout ?? TimeSpan.FromSeconds(60));

            var address = new SocketAddressNetlink { Family = AF_NETLINK };
            SystemCall.Check(LibC.Bind(fd, &address, sizeof(SocketAddressNetlink)), "bind(AF_NETLINK)");
            var length = sizeof(SocketAddressNetlink);
            SystemCall.Check(LibC.GetSockName(fd, &address, &length), "getsockname(AF_NETLINK)");

            var socket = new NetlinkSocket(fd, address.PortId);
            socket.MaxSendSize = Math.Max(16 * 1024, socket.ReadSendBufferSize() - 64);
            return socket;
        }
        catch
        {
            LibC.Close(fd);
            throw;
        }
    }

    /// <summary>
    /// Sends one datagram made of <paramref name="first"/> followed by
    /// <paramref name="second"/> (gathered by sendmsg, so a batch can get a trailing
    /// message without being copied).
    /// </summary>
    public void Send(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second = default)
    {
        ThrowIfClosed();
        fixed (byte* firstData = first)
        fixed (byte* secondData = second)
        {
            var address = new SocketAddressNetlink { Family = AF_NETLINK };
            var vectors = stackalloc LibC.IoVector[2];
            vectors[0] = new LibC.IoVector { Base = firstData, Length = (nuint)first.Length };
            vectors[1] = new LibC.IoVector { Base = secondData, Length = (nuint)second.Length };
            var header = new LibC.MessageHeader
            {
                Name = &address,
                NameLength = (uint)sizeof(SocketAddressNetlink),
                Vectors = vectors,
                VectorCount = second.IsEmpty ? 1u : 2u,
            };
            while (true)
            {
                var sent = LibC.SendMsg(_fd, &header, 0);
                if (sent >= 0)
                {
                    return;
                }

                var errno = SystemCall.LastErrno;
                if (errno != Errno.EINTR)
                {
                    throw new SystemCallException("sendmsg(AF_NETLINK)", errno);
                }
            }
        }
    }

    /// <summary>
    /// Receives one datagram into <paramref name="buffer"/> and returns its length.
    /// Throws <see cref="SystemCallException"/> with ENOBUFS when the kernel dropped
    /// messages because our receive queue overflowed, and EAGAIN on the reply timeout.
    /// </summary>
    public int Receive(Span<byte> buffer)
    {
        ThrowIfClosed();
        fixed (byte* data = buffer)
        {
            while (true)
            {
                // MSG_TRUNC makes recv report the datagram's real size, so a truncated
                // reply is detected instead of silently parsed short.
                var received = LibC.Recv(_fd, data, (nuint)buffer.Length, MSG_TRUNC);
                if (received >= 0)
                {
                    if (received > buffer.Length)
                    {
                        throw new NetlinkProtocolException($"a {received}-byte netlink datagram did not fit the {buffer.Length}-byte receive buffer");
                    }

                    return (int)received;
                }

                var errno = SystemCall.LastErrno;
                if (errno == Errno.EINTR)
                {
                    continue;
                }

                if (errno == Errno.EAGAIN)
                {
                    throw new SystemCallException("recv(AF_NETLINK)", errno, "the kernel did not answer in time");
                }

                throw new SystemCallException("recv(AF_NETLINK)", errno);
            }
        }
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            LibC.Close(fd);
        }
    }

    private int ReadSendBufferSize()
    {
        int value = 0;
        var length = sizeof(int);
        return LibC.GetSockOpt(_fd, SOL_SOCKET, SO_SNDBUF, &value, &length) == 0 ? value : 64 * 1024;
    }

    private void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_fd < 0, this);

    private static void SetOption(int fd, int level, int option, int value, string operation)
    {
        SystemCall.Check(LibC.SetSockOpt(fd, level, option, &value, sizeof(int)), operation);
    }

    private static bool TrySetOption(int fd, int level, int option, int value) =>
        LibC.SetSockOpt(fd, level, option, &value, sizeof(int)) == 0;

    private static void SetReceiveTimeout(int fd, TimeSpan timeout)
    {
        var value = new TimeValue { Seconds = (long)timeout.TotalSeconds, Microseconds = timeout.Milliseconds * 1000L };
        SystemCall.Check(LibC.SetSockOpt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, sizeof(TimeValue)), "setsockopt(SO_RCVTIMEO)");
    }

    /// <summary><c>struct sockaddr_nl</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct SocketAddressNetlink
    {
        public ushort Family;
        public ushort Padding;
        public uint PortId;
        public uint Groups;
    }

    /// <summary><c>struct timeval</c> on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;
    }
}
