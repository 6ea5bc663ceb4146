using IpipTools.Core.Rtnl;

namespace IpipTools.Infrastructure;

/// <summary>
/// A cmdlet that adds, changes or removes entries the kernel does not echo (rules, neighbour
/// entries, FDB entries) at pipeline scale: each approved item is queued in its namespace's
/// <see cref="ReadBackBatch{T}"/> on the pipeline's one connection there, and answered on its
/// own (see <see cref="PipelineBatches{TOutcome}"/>). -WhatIf and -Confirm ask item by item,
/// before anything is queued.
/// </summary>
public abstract class EntryChangeCmdlet<T> : PipedItemCmdlet
    where T : class
{
    private PipelineBatches<EntryOutcome<T>>? _batches;

    /// <summary>What this cmdlet sends.</summary>
    protected abstract EntryChange Change { get; }

    /// <summary>An empty batch of <see cref="Change"/>s on <paramref name="connection"/>.</summary>
    protected abstract ReadBackBatch<T> CreateBatch(RtnetlinkClient connection);

    /// <summary>The entry this item's parameters describe.</summary>
    protected abstract T Requested();

    /// <summary>What the -WhatIf/-Confirm question names as the target ("rule 100", "neighbour 10.0.0.2 on v0"), before the namespace.</summary>
    protected abstract string TargetOf(T entry);

    /// <summary>The question's verb and noun ("Add rule", "Remove neighbour entry").</summary>
    protected abstract string ActionText { get; }

    /// <summary>Whether what the kernel made is written (an add always, a change with -PassThru, a removal never).</summary>
    protected virtual bool WritesMade => Change != EntryChange.Delete;

    protected override void ProcessItem()
    {
        var entry = Requested();
        var target = Target;
        if (ShouldProcess($"{TargetOf(entry)} {target.Describe()}", $"{ActionText} {entry}"))
        {
            _batches ??= EndsWithPipeline(new PipelineBatches<EntryOutcome<T>>(this, made =>
            {
                if (WritesMade)
                {
                    WriteObject(made);
                }
            }));
            _batches.Queue(target, () => CreateBatch(Client(target)), batch => batch.Queue(entry), FailureTarget);
        }
    }

    protected override void EndProcessing() => _batches?.SendAll();
}
