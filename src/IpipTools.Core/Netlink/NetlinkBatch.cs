namespace IpipTools.Core.Netlink;

/// <summary>
/// Many change requests written back to back, to be sent by
/// <see cref="NetlinkConnection.ExecuteBatch"/> in as few datagrams as the socket
/// allows. Each request gets its own sequence number, so every kernel error can be
/// matched back to the request that caused it.
/// </summary>
public sealed class NetlinkBatch
{
    private readonly NetlinkConnection _connection;
    private readonly MessageWriter _writer;
    private readonly List<int> _starts = new();
    private readonly List<uint> _sequences = new();
    private readonly HashSet<int> _reads = new();
    private int _openMessage = -1;

    internal NetlinkBatch(NetlinkConnection connection, int initialCapacity)
    {
        _connection = connection;
        _writer = new MessageWriter(initialCapacity);
    }

    public int Count => _starts.Count;

    internal MessageWriter Writer => _writer;

    /// <summary>Byte offset of each request in <see cref="Writer"/>.</summary>
    internal IReadOnlyList<int> Starts => _starts;

    internal IReadOnlyList<uint> Sequences => _sequences;

    /// <summary>Whether request <paramref name="index"/> only reads (a GET answered like an echo), so it is no change request.</summary>
    internal bool IsRead(int index) => _reads.Contains(index);

    /// <summary>
    /// Starts request number <see cref="Count"/> and returns the writer for its body.
    /// NLM_F_ACK is left off on purpose: the kernel then answers only failures, and the
    /// batch ends with one barrier that is acknowledged.
    /// </summary>
    public MessageWriter Begin(ushort type, NetlinkFlags flags)
    {
        if (_openMessage >= 0)
        {
            throw new InvalidOperationException("End() the previous request before beginning another");
        }

        var sequence = _connection.NextSequence();
        _openMessage = _writer.BeginMessage(type, (flags | NetlinkFlags.Request) & ~NetlinkFlags.Ack, sequence);
        _starts.Add(_openMessage);
        _sequences.Add(sequence);
        return _writer;
    }

    public void End()
    {
        if (_openMessage < 0)
        {
            throw new InvalidOperationException("no request is open");
        }

        _writer.EndMessage(_openMessage);
        _openMessage = -1;
    }

    /// <summary>Removes the request being built (its body could not be written).</summary>
    public void Abandon()
    {
        if (_openMessage < 0)
        {
            return;
        }

        _writer.Truncate(_openMessage);
        _starts.RemoveAt(_starts.Count - 1);
        _sequences.RemoveAt(_sequences.Count - 1);
        _reads.Remove(_starts.Count);
        _openMessage = -1;
    }

    public void Add(ushort type, NetlinkFlags flags, RequestBodyWriter body)
    {
        var writer = Begin(type, flags);
        try
        {
            body(writer);
            End(); // inside: a body that left a nest open fails here and is abandoned too
        }
        catch
        {
            Abandon();
            throw;
        }
    }

    /// <summary>
    /// Adds a request for one object (a non-dump GET). Its answer reaches
    /// <see cref="NetlinkConnection.ExecuteBatch"/>'s echo handler under its index, so a batch
    /// can read back what the requests before it made, in the same send.
    /// </summary>
    public void AddRead(ushort type, RequestBodyWriter body)
    {
        Add(type, NetlinkFlags.None, body);
        _reads.Add(_starts.Count - 1);
    }

    public void Clear()
    {
        _writer.Reset();
        _starts.Clear();
        _sequences.Clear();
        _reads.Clear();
        _openMessage = -1;
    }
}
