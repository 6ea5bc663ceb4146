using System.Management.Automation;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;

namespace IpipTools.Infrastructure;

/// <summary>
/// A cmdlet's changes at pipeline scale: each approved item is queued in its namespace's
/// batch (on the pipeline's one connection to that namespace), a batch is sent when it holds
/// <see cref="FlushSize"/> objects (or the cmdlet's own size) and at the end, and each object then gets its own answer:
/// what the kernel made (written to the pipeline) or its own ErrorRecord, naming the item
/// that was piped in, while the rest goes on.
/// <para>
/// A full batch is sent on a worker thread while the pipeline goes on binding and queueing
/// the next one, so the kernel's work and PowerShell's overlap; its answers are written, on
/// the pipeline's thread, before the next batch of that namespace is sent (and at the end).
/// So at most one batch per namespace is in flight, answers keep the order of the items, and
/// nothing is sent after an answer that ended the pipeline. The worker only uses the
/// connection, whose exchanges are serialised (NetlinkConnection), and never enters a
/// namespace: the socket already belongs to its own.
/// </para>
/// <para>
/// When the pipeline ends while a batch's answers are being written (stopped with Ctrl+C, a
/// command after this one wanting no more objects as Select-Object -First does, or an item's
/// error made terminating with -ErrorAction Stop), what the batch made but did not report is
/// taken back, so that what the kernel has is what was reported; what was queued and not
/// sent is simply never sent. A batch still in flight when the pipeline ends without its
/// answers being written (<see cref="Dispose"/>) is waited for and taken back whole. An
/// answer counts as reported once the next command has taken it: PowerShell refuses a write
/// when the pipeline is already stopping (checked first here), and a stop raised while the
/// next command works on it comes back out of the write.
/// </para>
/// </summary>
internal sealed class PipelineBatches<TOutcome> : IDisposable
    where TOutcome : IChangeOutcome
{
    /// <summary>
    /// Objects sent per batch, unless the cmdlet says otherwise: enough that a send costs
    /// about what the kernel's own work does (tens of KiB of routes in one datagram), few
    /// enough that answers start flowing at once and a stopped pipeline has little to undo.
    /// </summary>
    public const int FlushSize = 512;

    private readonly Cmdlet _cmdlet;
    private readonly Action<object> _writeMade;
    private readonly int _flushSize;
    private readonly Dictionary<NetNamespace, Pending> _pending = new();

    /// <param name="cmdlet">Whose pipeline the answers are written to.</param>
    /// <param name="writeMade">Writes what the kernel made (a route, a tunnel) for one object.</param>
    /// <param name="flushSize">
    /// Objects per batch. Smaller for objects the kernel takes long to make (a tunnel is a
    /// network device: sysfs, notifiers), so that more of that work overlaps with the
    /// pipeline binding the next objects, instead of the last full batch running alone.
    /// </param>
    public PipelineBatches(Cmdlet cmdlet, Action<object> writeMade, int flushSize = FlushSize)
    {
        _cmdlet = cmdlet;
        _writeMade = writeMade;
        _flushSize = flushSize;
    }

    /// <summary>
    /// Queues one object for <paramref name="target"/>: <paramref name="queue"/> puts it in
    /// the namespace's batch (made by <paramref name="create"/> on first use). What can be
    /// refused before the kernel sees it is reported here, as <paramref name="item"/>'s error.
    /// </summary>
    public void Queue<TBatch>(NetNamespace target, Func<TBatch> create, Action<TBatch> queue, object? item)
        where TBatch : IChangeBatch<TOutcome>
    {
        if (!_pending.TryGetValue(target, out var pending))
        {
            pending = new Pending(create(), () => create());
            _pending[target] = pending;
        }

        try
        {
            queue((TBatch)pending.Filling);
        }
        catch (Exception e) when (ErrorReport.IsReportable(e))
        {
            _cmdlet.WriteError(ErrorRecordFor(e, item));
            return;
        }

        pending.Items.Add(item);
        if (pending.Filling.Count >= _flushSize)
        {
            ReportInFlight(pending);
            pending.StartSending();
        }
    }

    /// <summary>Sends every namespace's batch and writes all answers (at the end of the pipeline).</summary>
    public void SendAll()
    {
        foreach (var pending in _pending.Values)
        {
            ReportInFlight(pending);
            if (pending.Filling.Count > 0)
            {
                pending.StartSending();
                ReportInFlight(pending);
            }
        }
    }

    /// <summary>
    /// The pipeline ended without the answers of a batch in flight being written: waits for
    /// it and takes back what it made, which nobody was told of.
    /// </summary>
    public void Dispose()
    {
        foreach (var pending in _pending.Values)
        {
            if (pending.InFlight is { } sent)
            {
                pending.InFlight = null;
                try
                {
                    sent.Batch.TakeBack(sent.Sending.GetAwaiter().GetResult());
                }
                catch (Exception e) when (ErrorReport.IsReportable(e))
                {
                    // The send itself failed: it made nothing to take back.
                }
            }
        }
    }

    private static ErrorRecord ErrorRecordFor(Exception e, object? item) => item is null ? ErrorRecords.From(e) : ErrorRecords.From(e, item);

    /// <summary>Waits for the namespace's batch in flight, if any, and writes its answers.</summary>
    private void ReportInFlight(Pending pending)
    {
        if (pending.InFlight is not { } sent)
        {
            return;
        }

        pending.InFlight = null;
        pending.Spare = sent.Batch;
        IReadOnlyList<TOutcome> outcomes;
        try
        {
            outcomes = sent.Sending.GetAwaiter().GetResult();
        }
        catch (Exception e) when (ErrorReport.IsReportable(e))
        {
            // The batch as a whole failed (the socket, not an object): every item gets the error.
            foreach (var item in sent.Items)
            {
                _cmdlet.WriteError(ErrorRecordFor(e, item));
            }

            return;
        }

        for (var reported = 0; reported < outcomes.Count; reported++)
        {
            if (_cmdlet.Stopping)
            {
                // Stopped before this answer was written: it and the rest go back.
                sent.Batch.TakeBack(outcomes.Skip(reported));
                throw new PipelineStoppedException();
            }

            var outcome = outcomes[reported];
            try
            {
                if (outcome.Error is not null)
                {
                    _cmdlet.WriteError(ErrorRecordFor(outcome.Error, sent.Items[reported]));
                }
                else if (outcome.Made is not null)
                {
                    _writeMade(outcome.Made);
                }
            }
            catch
            {
                // The next command took this answer, then the pipeline ended: stopped while it
                // worked on it (Ctrl+C, Select-Object -First having had enough), or this error
                // was made terminating (-ErrorAction Stop). The answers not written go back.
                sent.Batch.TakeBack(outcomes.Skip(reported + 1));
                throw;
            }
        }
    }

    /// <summary>A batch sent on a worker thread, and the items its objects came from, in the same order.</summary>
    private sealed record InFlightBatch(IChangeBatch<TOutcome> Batch, object?[] Items, Task<IReadOnlyList<TOutcome>> Sending);

    /// <summary>
    /// One namespace's batches: the one being filled, the one in flight (if any), and a spare,
    /// the last one sent, empty again and filled next (a batch holds no kernel state between sends).
    /// </summary>
    private sealed class Pending(IChangeBatch<TOutcome> filling, Func<IChangeBatch<TOutcome>> create)
    {
        public IChangeBatch<TOutcome> Filling { get; private set; } = filling;

        public List<object?> Items { get; } = new();

        public InFlightBatch? InFlight { get; set; }

        public IChangeBatch<TOutcome>? Spare { get; set; }

        /// <summary>Sends the filled batch on a worker thread; the next objects go into the spare (or a new batch).</summary>
        public void StartSending()
        {
            var batch = Filling;
            InFlight = new InFlightBatch(batch, Items.ToArray(), Task.Run(batch.Send));
            Items.Clear();
            Filling = Spare ?? create();
            Spare = null;
        }
    }
}
