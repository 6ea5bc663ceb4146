namespace IpipTools.Core.Netlink;

/// <summary>What became of a batch: how many requests the kernel accepted, and each failure by request index.</summary>
public sealed class BatchResult
{
    public BatchResult(int requestCount, IReadOnlyList<BatchFailure> failures)
    {
        RequestCount = requestCount;
        Failures = failures;
    }

    public int RequestCount { get; }

    public int SucceededCount => RequestCount - Failures.Count;

    public IReadOnlyList<BatchFailure> Failures { get; }

    public bool AllSucceeded => Failures.Count == 0;

    /// <summary>Throws the first failure, with a note of how many others there were.</summary>
    public void ThrowIfAnyFailed()
    {
        if (Failures.Count > 0)
        {
            throw Failures[0].Error;
        }
    }
}

/// <summary>One request of a batch the kernel refused.</summary>
public sealed record BatchFailure(int Index, NetlinkException Error);
