namespace IpipTools.Core.Rtnl.Links;

/// <summary>
/// What became of one link of a <see cref="LinkCreationBatch"/>: the link as the kernel made
/// it, or why it was refused (then nothing of it is left). Exactly one of <see cref="Made"/>
/// and <see cref="Error"/> is set.
/// </summary>
public sealed record LinkOutcome(Link Requested, Link? Made, Exception? Error) : IChangeOutcome
{
    public bool Succeeded => Error is null;

    /// <summary>What is written for the made link when the batch was asked for a view of it (a tunnel's); null: the link itself.</summary>
    public object? Shown { get; init; }

    object? IChangeOutcome.Made => Shown ?? Made;
}
