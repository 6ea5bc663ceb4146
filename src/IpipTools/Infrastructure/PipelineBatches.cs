using System.Management.Automation;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;

namespace IpipTools.Infrastructure;

/// <summary>
/// A cmdlet's changes at pipeline scale: each approved item is queued in its namespace's
/// batch (on the pipeline's one connection to that namespace), a batch is sent when it holds
/// <see cref="FlushSize"/> objects and at the end, and each object then gets its own answer:
/// what the kernel made (written to the pipeline) or its own ErrorRecord, naming the item
/// that was piped in, while the rest goes on.
/// <para>
/// When the pipeline ends while a batch's answers are being written (stopped with Ctrl+C, a
/// command after this one wanting no more objects as Select-Object -First does, or an item's
/// error made terminating with -ErrorAction Stop), what the batch made but did not report is
/// taken back, so that what the kernel has is what was reported; what was queued and not
/// sent is simply never sent. An answer counts as reported once the next command has taken
/// it: PowerShell refuses a write when the pipeline is already stopping (checked first here),
/// and a stop raised while the next command works on it comes back out of the write.
/// </para>
/// </summary>
internal sealed class PipelineBatches<TOutcome>
    where TOutcome : IChangeOutcome
{
    /// <summary>
    /// Objects sent per batch: enough that a send costs about what the kernel's own work
    /// does (tens of KiB of requests in one datagram), few enough that answers start flowing
    /// at once and a stopped pipeline has little to undo.
    /// </summary>
    public const int FlushSize = 512;

    private readonly Cmdlet _cmdlet;
    private readonly Action<object> _writeMade;
    private readonly Dictionary<NetNamespace, Pending> _pending = new();

    /// <param name="cmdlet">Whose pipeline the answers are written to.</param>
    /// <param name="writeMade">Writes what the kernel made (a route, a tunnel) for one object.</param>
    public PipelineBatches(Cmdlet cmdlet, Action<object> writeMade)
    {
        _cmdlet = cmdlet;
        _writeMade = writeMade;
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
            pending = new Pending(create());
            _pending[target] = pending;
        }

        try
        {
            queue((TBatch)pending.Batch);
        }
        catch (Exception e) when (ErrorReport.IsReportable(e))
        {
            _cmdlet.WriteError(ErrorRecordFor(e, item));
            return;
        }

        pending.Items.Add(item);
        if (pending.Batch.Count >= FlushSize)
        {
            Send(pending);
        }
    }

    /// <summary>Sends every namespace's batch (at the end of the pipeline).</summary>
    public void SendAll()
    {
        foreach (var pending in _pending.Values)
        {
            Send(pending);
        }
    }

    private static ErrorRecord ErrorRecordFor(Exception e, object? item) => item is null ? ErrorRecords.From(e) : ErrorRecords.From(e, item);

    private void Send(Pending pending)
    {
        var items = pending.Items.ToArray();
        pending.Items.Clear();
        IReadOnlyList<TOutcome> outcomes;
        try
        {
            outcomes = pending.Batch.Send();
        }
        catch (Exception e) when (ErrorReport.IsReportable(e))
        {
            // The batch as a whole failed (the socket, not an object): every item gets the error.
            foreach (var item in items)
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
                pending.Batch.TakeBack(outcomes.Skip(reported));
                throw new PipelineStoppedException();
            }

            var outcome = outcomes[reported];
            try
            {
                if (outcome.Error is not null)
                {
                    _cmdlet.WriteError(ErrorRecordFor(outcome.Error, items[reported]));
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
                pending.Batch.TakeBack(outcomes.Skip(reported + 1));
                throw;
            }
        }
    }

    /// <summary>One namespace's batch and the items its objects came from, in the same order.</summary>
    private sealed record Pending(IChangeBatch<TOutcome> Batch)
    {
        public List<object?> Items { get; } = new();
    }
}
