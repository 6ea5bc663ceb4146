using System.Management.Automation;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Infrastructure;

namespace IpipTools.Routes;

/// <summary>
/// A route cmdlet that changes routes (the add and remove cmdlets, <see cref="RouteAddCmdlet"/> and
/// <see cref="RouteRemoveCmdlet"/>) at pipeline scale.
/// Each approved item is queued in its namespace's <see cref="RouteBatch"/>, on the pipeline's
/// one connection to that namespace; a batch is sent when it holds <see cref="FlushSize"/>
/// routes and at the end. Each route then gets its own answer: the route the kernel made
/// (written to the pipeline) or its own ErrorRecord, naming the item that was piped in, while
/// the rest goes on. -WhatIf and -Confirm ask item by item, before anything is queued.
/// <para>
/// When the pipeline ends while a batch's answers are being written (stopped with Ctrl+C, a
/// command after this one wanting no more objects as Select-Object -First does, or an item's
/// error made terminating with -ErrorAction Stop), the routes it added
/// but did not report are deleted again, so that what the kernel has is what was reported;
/// what was queued and not sent is simply never sent. An answer counts as reported once the
/// next command has taken it: PowerShell refuses a write when the pipeline is already
/// stopping (checked first here), and a stop raised while the next command works on it
/// comes back out of the write.
/// </para>
/// </summary>
public abstract class RouteChangeCmdlet : PipedItemCmdlet
{
    /// <summary>
    /// Routes sent per batch: enough that a send costs about what the kernel's own work does
    /// (about 30 KiB of requests in one datagram), few enough that answers start flowing at
    /// once and a stopped pipeline has little to undo.
    /// </summary>
    public const int FlushSize = 512;

    private readonly Dictionary<NetNamespace, PendingRoutes> _pending = new();
    private bool _destinationTyped;

    protected abstract RouteChange Change { get; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _destinationTyped = MyInvocation.BoundParameters.ContainsKey("Destination");
    }

    /// <summary>
    /// Queues <paramref name="route"/> for this item's namespace. A route that cannot be sent
    /// (invalid, or its device does not exist) is reported here, as its item's error.
    /// </summary>
    protected void Queue(Route route)
    {
        var target = Target;
        if (!_pending.TryGetValue(target, out var pending))
        {
            pending = new PendingRoutes(Connection(target).Routes.CreateBatch(Change));
            _pending[target] = pending;
        }

        try
        {
            pending.Batch.Queue(route);
        }
        catch (Exception e) when (ErrorReport.IsReportable(e))
        {
            WriteError(ErrorRecordFor(e, CurrentItem));
            return;
        }

        pending.Items.Add(CurrentItem);
        if (pending.Batch.Count >= FlushSize)
        {
            Send(pending);
        }
    }

    /// <summary>What one of this item's failures names as its target: the piped item, or (typed on the command line) what the core names.</summary>
    private object? CurrentItem => _destinationTyped ? null : InputItem;

    private static ErrorRecord ErrorRecordFor(Exception e, object? item) => item is null ? ErrorRecords.From(e) : ErrorRecords.From(e, item);

    protected override void EndProcessing()
    {
        foreach (var pending in _pending.Values)
        {
            Send(pending);
        }
    }

    /// <summary>Writes the route the kernel made for an add (a removal writes nothing).</summary>
    protected abstract void WriteMade(Route made);

    private void Send(PendingRoutes pending)
    {
        var items = pending.Items.ToArray();
        pending.Items.Clear();
        IReadOnlyList<RouteOutcome> outcomes;
        try
        {
            outcomes = pending.Batch.Send();
        }
        catch (Exception e) when (ErrorReport.IsReportable(e))
        {
            // The batch as a whole failed (the socket, not a route): every item gets the error.
            foreach (var item in items)
            {
                WriteError(ErrorRecordFor(e, item));
            }

            return;
        }

        for (var reported = 0; reported < outcomes.Count; reported++)
        {
            if (Stopping)
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
                    WriteError(ErrorRecordFor(outcome.Error, items[reported]));
                }
                else if (outcome.Made is not null)
                {
                    WriteMade(outcome.Made);
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

    /// <summary>One namespace's queued routes and the items they came from, in the same order.</summary>
    private sealed record PendingRoutes(RouteBatch Batch)
    {
        public List<object?> Items { get; } = new();
    }
}
