namespace IpipTools.Core.Rtnl;

/// <summary>What became of one object of an <see cref="IChangeBatch{TOutcome}"/>.</summary>
public interface IChangeOutcome
{
    /// <summary>Why the kernel refused the change; null when it was made.</summary>
    Exception? Error { get; }

    /// <summary>The object as the kernel made it, to write out; null for a removal, or on failure.</summary>
    object? Made { get; }
}

/// <summary>
/// Changes of one kind queued for one namespace and sent together (routes, tunnels): each
/// queued object gets its own outcome, and what was made but never reported can be taken
/// back. The cmdlets send them at pipeline scale (see the module's PipelineBatches).
/// </summary>
public interface IChangeBatch<TOutcome>
    where TOutcome : IChangeOutcome
{
    /// <summary>Objects queued and not yet sent.</summary>
    int Count { get; }

    /// <summary>Sends what is queued; one outcome per object, in the order queued. The batch is then empty.</summary>
    IReadOnlyList<TOutcome> Send();

    /// <summary>Undoes, as far as it can, what these outcomes made: the way back for changes made but never reported (a stopped pipeline).</summary>
    void TakeBack(IEnumerable<TOutcome> outcomes);
}
