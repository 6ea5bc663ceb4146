using System.Buffers.Binary;
using IpipTools.Core.Interop;

namespace IpipTools.Core.Netlink;

/// <summary>Writes the body (fixed header and attributes) of a request.</summary>
public delegate void RequestBodyWriter(MessageWriter writer);

/// <summary>
/// Request/response over one netlink socket: sequence numbers, port-id checks,
/// ACK and error matching, multi-part dumps with retry on NLM_F_DUMP_INTR, and
/// batches of many requests in one send. Not thread-safe: one connection, one
/// caller at a time (open one per thread for concurrency).
/// </summary>
public sealed partial class NetlinkConnection : IDisposable
{
    /// <summary>How many times a dump the kernel marks inconsistent is started again before giving up.</summary>
    public const int MaxDumpAttempts = 8;

    private readonly INetlinkTransport _transport;
    private readonly byte[] _receiveBuffer = new byte[NetlinkSocket.ReceiveBufferSize];

    /// <summary>
    /// Reused for every datagram: a dump datagram holds hundreds of messages, and a new list
    /// each time cost a 100,000-route dump about 70 bytes a route. Callers finish with one
    /// batch of replies before asking for the next.
    /// </summary>
    private readonly List<NetlinkMessage> _matching = new();
    private readonly MessageWriter _requestWriter = new();
    private uint _sequence;

    /// <summary>
    /// Held by every exchange: a pipeline sends one batch on a worker thread while its own
    /// thread fills the next, and may look a device up meanwhile (see PipelineBatches in the
    /// module). Requests and replies must not interleave; the second caller waits for the
    /// first exchange to finish. Uncontended, it costs nanoseconds. Numbering requests does
    /// not take it (<see cref="NextSequence"/>).
    /// </summary>
    private readonly object _gate = new();
    private bool _buildingRequest;

    public NetlinkConnection(INetlinkTransport transport, uint initialSequence = 0)
    {
        _transport = transport;
        // A time-based start keeps replies meant for an earlier connection that reused
        // our port id from matching ours; tests pass a fixed value for reproducible bytes.
        _sequence = initialSequence != 0 ? initialSequence : (uint)Environment.TickCount;
    }

    public uint PortId => _transport.PortId;

    /// <summary>Requests sent that ask the kernel to change something (not GET or dump). Idempotency tests count these.</summary>
    public long ChangeRequestCount { get; private set; }

    /// <summary>Dump and GET requests sent.</summary>
    public long ReadRequestCount { get; private set; }

    /// <summary>The sequence number for the next request. Never 0, which the kernel uses for notifications.</summary>
    /// <remarks>
    /// Atomic rather than under the exchange lock: a pipeline numbers the requests of the batch
    /// it fills while another batch's exchange holds the lock, and must not wait for the kernel
    /// to finish that one (it did, and the two threads took turns instead of overlapping).
    /// </remarks>
    public uint NextSequence()
    {
        uint next;
        do
        {
            next = Interlocked.Increment(ref _sequence);
        }
        while (next == 0);

        return next;
    }

    /// <summary>Sends one change request and waits for its ACK; a kernel error becomes a <see cref="NetlinkException"/>.</summary>
    public void Execute(string operation, ushort type, NetlinkFlags flags, RequestBodyWriter body)
    {
        lock (_gate)
        {
            var sequence = BuildRequest(type, flags | NetlinkFlags.Request | NetlinkFlags.Ack, body);
            ChangeRequestCount++;
            _transport.Send(_requestWriter.WrittenSpan);
            ReceiveReply(operation, sequence, untilAck: true);
        }
    }

    /// <summary>
    /// Sends one change request with NLM_F_ECHO, waits for its ACK, and returns the messages
    /// the kernel echoed on the way (copied out of the receive buffer): the new object as
    /// the kernel made it, saving a read-back. Not every request handler honours the flag
    /// (rtnl_newlink on 6.1 does not), so an empty list is an answer the caller must
    /// handle, typically with one targeted read.
    /// </summary>
    public IReadOnlyList<NetlinkMessage> ExecuteWithEcho(string operation, ushort type, NetlinkFlags flags, RequestBodyWriter body)
    {
        lock (_gate)
        {
            var sequence = BuildRequest(type, flags | NetlinkFlags.Request | NetlinkFlags.Ack | NetlinkFlags.Echo, body);
            ChangeRequestCount++;
            _transport.Send(_requestWriter.WrittenSpan);
            var echoed = new List<NetlinkMessage>();
            ReceiveReply(operation, sequence, untilAck: true, m => echoed.Add(new NetlinkMessage(m.Header, m.Payload.ToArray())));
            return echoed;
        }
    }

    /// <summary>
    /// Sends a GET for one object and returns the parsed reply. The parser runs while the
    /// reply is still in the receive buffer, so it must copy what it keeps.
    /// </summary>
    public T Query<T>(string operation, ushort type, RequestBodyWriter body, Func<NetlinkMessage, T> parse)
    {
        lock (_gate)
        {
            var sequence = BuildRequest(type, NetlinkFlags.Request, body);
            ReadRequestCount++;
            _transport.Send(_requestWriter.WrittenSpan);
            return parse(ReceiveReply(operation, sequence, untilAck: false));
        }
    }

    /// <summary>
    /// Dumps a table and returns what <paramref name="parse"/> makes of each message
    /// (null to skip one). A dump the kernel marks interrupted (NLM_F_DUMP_INTR: the
    /// table changed under it) or that lost messages to ENOBUFS is started again, up to
    /// <see cref="MaxDumpAttempts"/> times, then reported as
    /// <see cref="NetlinkDumpInterruptedException"/>.
    /// </summary>
    public List<T> Dump<T>(string operation, ushort type, RequestBodyWriter body, Func<NetlinkMessage, T?> parse)
        where T : class
    {
        lock (_gate)
        {
            var results = new List<T>();
            for (var attempt = 1; attempt <= MaxDumpAttempts; attempt++)
            {
                results.Clear();
                var consistent = DumpOnce(operation, type, body, message =>
                {
                    var item = parse(message);
                    if (item is not null)
                    {
                        results.Add(item);
                    }
                });
                if (consistent)
                {
                    return results;
                }
            }

            throw new NetlinkDumpInterruptedException(operation, MaxDumpAttempts);
        }
    }

    /// <summary>
    /// Streams a dump to <paramref name="onMessage"/> without keeping anything, so memory
    /// does not grow with the table. Because items were already handed out, an
    /// interrupted dump is not retried here: it ends in <see cref="NetlinkDumpInterruptedException"/>.
    /// </summary>
    public void DumpStreaming(string operation, ushort type, RequestBodyWriter body, Action<NetlinkMessage> onMessage)
    {
        lock (_gate)
        {
            if (!DumpOnce(operation, type, body, onMessage))
            {
                throw new NetlinkDumpInterruptedException(operation, 1);
            }
        }
    }

    /// <summary>
    /// Zeroes the last request and the receive buffer: after an exchange that carried secrets
    /// (IPsec keys go out in requests, and come back in every state the kernel dumps), so that
    /// none stays in this connection's memory.
    /// </summary>
    public void WipeBuffers()
    {
        lock (_gate)
        {
            _requestWriter.Wipe();
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(_receiveBuffer);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _transport.Dispose();
        }
    }

    /// <summary>Runs one dump to its NLMSG_DONE; returns false if it was inconsistent.</summary>
    private bool DumpOnce(string operation, ushort type, RequestBodyWriter body, Action<NetlinkMessage> onMessage)
    {
        var sequence = BuildRequest(type, NetlinkFlags.Request | NetlinkFlags.Dump, body);
        ReadRequestCount++;
        _transport.Send(_requestWriter.WrittenSpan);
        var consistent = true;
        while (true)
        {
            List<NetlinkMessage> messages;
            try
            {
                messages = ReceiveReplies(sequence);
            }
            catch (SystemCallException e) when (e.ErrorNumber == Errno.ENOBUFS)
            {
                // Our receive queue overflowed and the kernel dropped part of the dump.
                // The dump itself goes on (it is driven by our reads), so read to DONE
                // and then start over.
                consistent = false;
                continue;
            }

            foreach (var message in messages)
            {
                if (message.Flags.HasFlag(NetlinkFlags.DumpInterrupted))
                {
                    consistent = false;
                }

                switch (message.Type)
                {
                    case NetlinkMessageType.Done:
                        ThrowIfDoneCarriesError(message, operation);
                        return consistent;
                    case NetlinkMessageType.Error:
                        var error = NetlinkError.Parse(message);
                        if (!error.IsAck)
                        {
                            throw ToException(error, operation, _requestWriter.WrittenSpan);
                        }

                        break;
                    case NetlinkMessageType.Noop:
                        break;
                    case NetlinkMessageType.Overrun:
                        consistent = false;
                        break;
                    default:
                        onMessage(message);
                        break;
                }
            }
        }
    }

    /// <summary>
    /// Reads the replies to request <paramref name="sequence"/> until the one that answers it
    /// and returns that: the ACK when <paramref name="untilAck"/> (other replies are passed
    /// over), otherwise the first reply that is not an ACK. A kernel error becomes a
    /// <see cref="NetlinkException"/>. The reply is still in the receive buffer. The replies
    /// passed over on the way to an ACK go to <paramref name="passedOver"/>.
    /// </summary>
    private NetlinkMessage ReceiveReply(string operation, uint sequence, bool untilAck, Action<NetlinkMessage>? passedOver = null)
    {
        while (true)
        {
            foreach (var message in ReceiveReplies(sequence))
            {
                if (message.Type == NetlinkMessageType.Error)
                {
                    var error = NetlinkError.Parse(message);
                    if (!error.IsAck)
                    {
                        throw ToException(error, operation, _requestWriter.WrittenSpan);
                    }

                    if (untilAck)
                    {
                        return message;
                    }
                }
                else if (!untilAck)
                {
                    return message;
                }
                else
                {
                    passedOver?.Invoke(message);
                }
            }
        }
    }

    /// <summary>
    /// Receives datagrams until one holds messages for <paramref name="sequence"/> and
    /// returns those. Replies to earlier requests (left unread when a caller gave up on a
    /// dump) are skipped; a reply addressed to another port is a protocol violation.
    /// </summary>
    private List<NetlinkMessage> ReceiveReplies(uint sequence)
    {
        while (true)
        {
            var length = _transport.Receive(_receiveBuffer);
            var matching = _matching;
            matching.Clear();
            var enumerator = new NetlinkMessage.Enumerator(_receiveBuffer.AsMemory(0, length));
            while (enumerator.MoveNext())
            {
                var message = enumerator.Current;
                CheckPort(message);
                if (message.Sequence == sequence)
                {
                    matching.Add(message);
                }
            }

            if (matching.Count > 0)
            {
                return matching;
            }
        }
    }

    private void CheckPort(NetlinkMessage message)
    {
        // Replies carry the requester's port id; 0 is only used by notifications,
        // which this socket does not subscribe to but tolerates.
        if (message.Header.PortId != PortId && message.Header.PortId != 0)
        {
            throw new NetlinkProtocolException(
                $"received a reply for port {message.Header.PortId} on a socket bound to port {PortId}");
        }
    }

    private uint BuildRequest(ushort type, NetlinkFlags flags, RequestBodyWriter body)
    {
        // A body writer that sends a request of its own (say, a device lookup) would
        // overwrite the half-built request in the shared writer, and the mangled result
        // is answered under another sequence number: a silent 60-second hang. Refuse it.
        if (_buildingRequest)
        {
            throw new InvalidOperationException(
                "A request body writer sent a request over the same connection while its own request was being built; resolve lookups (device indexes) before building the request.");
        }

        _buildingRequest = true;
        try
        {
            _requestWriter.Reset();
            var sequence = NextSequence();
            var start = _requestWriter.BeginMessage(type, flags, sequence);
            body(_requestWriter);
            _requestWriter.EndMessage(start);
            return sequence;
        }
        finally
        {
            _buildingRequest = false;
        }
    }

    private static void ThrowIfDoneCarriesError(NetlinkMessage done, string operation)
    {
        // A dump that fails part-way reports the errno (negated) in NLMSG_DONE's payload.
        if (done.Payload.Length >= 4)
        {
            var status = BinaryPrimitives.ReadInt32LittleEndian(done.Payload.Span);
            if (status < 0)
            {
                throw new NetlinkException(operation, -status);
            }
        }
    }

    /// <summary>Turns a kernel error into an exception, naming the attribute it pointed at.</summary>
    internal static NetlinkException ToException(NetlinkError error, string operation, ReadOnlySpan<byte> requestMessage)
    {
        ushort? attribute = error.MissingAttributeType;
        if (error.AttributeOffset is int offset && offset >= NetlinkMessageHeader.Size && offset + 4 <= requestMessage.Length)
        {
            attribute = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(requestMessage[(offset + 2)..]) & 0x3FFF);
        }

        return new NetlinkException(operation, error.Errno, error.KernelMessage, attribute);
    }
}
