using IpipTools.Core.Interop;

namespace IpipTools.Core.Netlink;

public sealed partial class NetlinkConnection
{
    /// <summary>A new, empty batch whose requests take their sequence numbers from this connection.</summary>
    public NetlinkBatch CreateBatch(int initialCapacity = 64 * 1024) => new(this, initialCapacity);

    /// <summary>
    /// Sends every request of <paramref name="batch"/> and reports which ones failed.
    /// Requests go out in datagrams as large as the socket allows, each followed by
    /// an NLMSG_NOOP carrying NLM_F_ACK as a barrier: the kernel handles a datagram's
    /// messages in order, answers failures only (the requests carry no ACK flag) and
    /// acknowledges the barrier last, so when its ACK arrives every answer for that
    /// datagram has been read. This is what makes a batch cost about what the kernel's
    /// own work costs, instead of a round trip per request.
    /// <para>
    /// Requests sent with NLM_F_ECHO are answered with the object the kernel made, and reads
    /// (<see cref="NetlinkBatch.AddRead"/>) with the object asked for, under the request's own
    /// sequence number; <paramref name="onEcho"/> is given each such message with the index of
    /// its request, while the message is still in the receive buffer. Reads do not count as
    /// change requests.
    /// </para>
    /// </summary>
    public BatchResult ExecuteBatch(NetlinkBatch batch, string operation, Func<int, string>? describe = null,
        Action<int, NetlinkMessage>? onEcho = null)
    {
        lock (_gate)
        {
            var failures = new List<BatchFailure>();
            var buffer = batch.Writer.WrittenMemory;
            var starts = batch.Starts;
            Dictionary<uint, int>? indexBySequence = null;
            var barrier = new MessageWriter(NetlinkMessageHeader.Size);

            var first = 0;
            while (first < starts.Count)
            {
                var last = first;
                var limit = _transport.MaxSendSize - NetlinkMessageHeader.Size;
                while (last + 1 < starts.Count && EndOf(last + 1) - starts[first] <= limit)
                {
                    last++;
                }

                barrier.Reset();
                var barrierSequence = NextSequence();
                barrier.EndMessage(barrier.BeginMessage(NetlinkMessageType.Noop, NetlinkFlags.Request | NetlinkFlags.Ack, barrierSequence));

                for (var i = first; i <= last; i++)
                {
                    ChangeRequestCount += batch.IsRead(i) ? 0 : 1;
                }

                _transport.Send(buffer.Span[starts[first]..EndOf(last)], barrier.WrittenSpan);
                CollectUntilBarrier(barrierSequence, first, last);
                first = last + 1;
            }

            return new BatchResult(starts.Count, failures);

            int EndOf(int index) => index + 1 < starts.Count ? starts[index + 1] : buffer.Length;

            void CollectUntilBarrier(uint barrierSequence, int firstIndex, int lastIndex)
            {
                while (true)
                {
                    int length;
                    try
                    {
                        length = _transport.Receive(_receiveBuffer);
                    }
                    catch (SystemCallException e) when (e.ErrorNumber == Errno.ENOBUFS)
                    {
                        throw new NetlinkException(
                            operation,
                            Errno.ENOBUFS,
                            explanation: $"the kernel's answers to requests {firstIndex}..{lastIndex} overflowed the socket's receive queue and some were lost, so which of them failed is unknown",
                            recommendedAction: "Compare the state with a dump, and send smaller batches.",
                            errorId: "BatchAnswersLost");
                    }

                    var enumerator = new NetlinkMessage.Enumerator(_receiveBuffer.AsMemory(0, length));
                    while (enumerator.MoveNext())
                    {
                        var message = enumerator.Current;
                        CheckPort(message);
                        if (message.Type != NetlinkMessageType.Error)
                        {
                            if (onEcho is not null && message.Sequence != 0)
                            {
                                indexBySequence ??= BuildIndex(batch.Sequences);
                                if (indexBySequence.TryGetValue(message.Sequence, out var echoed))
                                {
                                    onEcho(echoed, message);
                                }
                            }

                            continue;
                        }

                        var error = NetlinkError.Parse(message);
                        if (message.Sequence == barrierSequence)
                        {
                            return;
                        }

                        if (error.IsAck)
                        {
                            continue;
                        }

                        indexBySequence ??= BuildIndex(batch.Sequences);
                        if (!indexBySequence.TryGetValue(message.Sequence, out var index))
                        {
                            continue; // an answer to an earlier, abandoned request
                        }

                        var request = buffer.Span[starts[index]..EndOf(index)];
                        var description = describe?.Invoke(index) ?? $"{operation} (request {index + 1} of {starts.Count})";
                        failures.Add(new BatchFailure(index, ToException(error, description, request)));
                    }
                }
            }
        }
    }

    private static Dictionary<uint, int> BuildIndex(IReadOnlyList<uint> sequences)
    {
        var index = new Dictionary<uint, int>(sequences.Count);
        for (var i = 0; i < sequences.Count; i++)
        {
            index[sequences[i]] = i;
        }

        return index;
    }
}
