using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl;

/// <summary>What became of one entry of a <see cref="ReadBackBatch{T}"/>: the entry as the kernel now lists it (an add or change), or why it was refused.</summary>
public sealed record EntryOutcome<T>(T Requested, T? Made, Exception? Error) : IChangeOutcome
    where T : class
{
    object? IChangeOutcome.Made => Made;
}

/// <summary>
/// What a kind of kernel entry that the kernel does not echo (rules, neighbours, FDB entries)
/// tells a <see cref="ReadBackBatch{T}"/>: how one entry is checked and encoded, how the kernel's
/// refusal is worded, and how what was made is found again.
/// </summary>
public interface IEntryCodec<T>
    where T : class
{
    /// <summary>"rule", "neighbour", "FDB entry": for messages.</summary>
    string Noun { get; }

    /// <summary>Refuses, before anything is sent, an entry the kernel would refuse or misread; returns what encodes it (device names resolved now, not mid-batch).</summary>
    RequestBodyWriter Prepare(T entry, EntryChange change);

    /// <summary>The kernel's refusal of <paramref name="entry"/>, in plain words.</summary>
    NetlinkException Explain(NetlinkException error, T entry, EntryChange change);

    /// <summary>The entries the kernel lists now among which those <paramref name="requested"/> made are found (one read per family).</summary>
    IReadOnlyList<T> ListLike(IReadOnlyList<T> requested);

    /// <summary>Whether <paramref name="read"/> is the entry <paramref name="requested"/> made.</summary>
    bool IsMadeBy(T requested, T read);
}

/// <summary>The change a <see cref="ReadBackBatch{T}"/> sends.</summary>
public enum EntryChange
{
    /// <summary>Create; refused when it exists (NLM_F_CREATE | NLM_F_EXCL).</summary>
    Add,

    /// <summary>Change one that exists; refused when it does not (NLM_F_REPLACE alone, as <c>ip neigh change</c>).</summary>
    Change,

    /// <summary>Add one more entry beside those with the same key (NLM_F_CREATE | NLM_F_APPEND, as <c>bridge fdb append</c>).</summary>
    Append,

    Delete,
}

/// <summary>
/// Changes to entries of one kind, queued for one namespace and sent together (one datagram
/// for hundreds, <see cref="NetlinkConnection.ExecuteBatch"/>), each failure matched back to
/// its entry with the kernel's extended-ack text. The kernel echoes neither rules nor
/// neighbours to the requester, so after a send one read per family finds what the adds and
/// changes made; an add the kernel accepted and does not list is reported and deleted again,
/// so that an error never leaves its entry behind. A batch holds no kernel state between sends.
/// </summary>
public sealed class ReadBackBatch<T> : IChangeBatch<EntryOutcome<T>>
    where T : class
{
    private readonly RtnetlinkClient _client;
    private readonly IEntryCodec<T> _codec;
    private readonly NetlinkBatch _requests;
    private readonly List<T> _entries = new();
    private readonly ushort _type;
    private readonly ushort _deleteType;
    private readonly NetlinkFlags _flags;

    public ReadBackBatch(RtnetlinkClient client, IEntryCodec<T> codec, EntryChange change, ushort newType, ushort deleteType)
    {
        _client = client;
        _codec = codec;
        Change = change;
        _deleteType = deleteType;
        _requests = client.Connection.CreateBatch();
        (_type, _flags) = change switch
        {
            EntryChange.Add => (newType, NetlinkFlags.Create | NetlinkFlags.Exclusive),
            EntryChange.Change => (newType, NetlinkFlags.Replace),
            EntryChange.Append => (newType, NetlinkFlags.Create | NetlinkFlags.Append),
            _ => (deleteType, NetlinkFlags.None),
        };
    }

    public EntryChange Change { get; }

    public int Count => _entries.Count;

    /// <summary>Checks <paramref name="entry"/> and queues it; what is refused before the kernel sees it is thrown here, leaving the batch as it was.</summary>
    public void Queue(T entry)
    {
        var body = _codec.Prepare(entry, Change);
        _requests.Add(_type, _flags, body);
        _entries.Add(entry);
    }

    public IReadOnlyList<EntryOutcome<T>> Send()
    {
        if (_entries.Count == 0)
        {
            return Array.Empty<EntryOutcome<T>>();
        }

        var entries = _entries.ToArray();
        var errors = new Exception?[entries.Length];
        var verb = Verb(Change);
        try
        {
            var result = _client.Connection.ExecuteBatch(_requests, $"{verb} {_codec.Noun}s {_client.Namespace.Describe()}",
                index => $"{verb} {_codec.Noun} {entries[index]} {_client.Namespace.Describe()}");
            foreach (var failure in result.Failures)
            {
                errors[failure.Index] = _codec.Explain(failure.Error, entries[failure.Index], Change);
            }
        }
        finally
        {
            _requests.Clear();
            _entries.Clear();
        }

        var made = new T?[entries.Length];
        if (Change != EntryChange.Delete)
        {
            ReadBack(entries, made, errors);
        }

        return entries.Select((entry, i) => new EntryOutcome<T>(entry, made[i], errors[i])).ToList();
    }

    /// <summary>Deletes again what these outcomes of an add made; a change or a delete cannot be taken back, since what it replaced is gone.</summary>
    public void TakeBack(IEnumerable<EntryOutcome<T>> outcomes)
    {
        if (Change is not (EntryChange.Add or EntryChange.Append))
        {
            return;
        }

        foreach (var outcome in outcomes.Where(o => o.Made is not null))
        {
            BestEffortUndo.Run(() => Delete(outcome.Requested));
        }
    }

    private void ReadBack(T[] entries, T?[] made, Exception?[] errors)
    {
        var accepted = Enumerable.Range(0, entries.Length).Where(i => errors[i] is null).ToList();
        if (accepted.Count == 0)
        {
            return;
        }

        var listed = _codec.ListLike(accepted.Select(i => entries[i]).ToList());
        foreach (var i in accepted)
        {
            made[i] = listed.FirstOrDefault(read => _codec.IsMadeBy(entries[i], read));
            if (made[i] is null)
            {
                errors[i] = new IpipToolsException($"The kernel accepted the {_codec.Noun} {entries[i]} but does not list it.", "EntryVanished",
                    IpipErrorCategory.InvalidOperation, "Check whether something removed it at once.", entries[i].ToString());
                if (Change is EntryChange.Add or EntryChange.Append)
                {
                    BestEffortUndo.Run(() => Delete(entries[i]));
                }
            }
        }
    }

    private void Delete(T entry)
    {
        var body = _codec.Prepare(entry, EntryChange.Delete);
        _client.Connection.Execute($"delete {_codec.Noun} {entry} {_client.Namespace.Describe()}", _deleteType, NetlinkFlags.None, body);
    }

    private static string Verb(EntryChange change) => change switch
    {
        EntryChange.Add => "add",
        EntryChange.Change => "change",
        EntryChange.Append => "append",
        _ => "delete",
    };
}
