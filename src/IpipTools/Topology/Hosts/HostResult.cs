namespace IpipTools.Topology.Hosts;

/// <summary>
/// One host's result of Set-IpipTopology or Set-IpipMesh over many hosts. A host is either
/// changed as a whole or not at all (each host applies its plan atomically, undoing it on
/// failure), so <see cref="Changed"/> says plainly which hosts the run changed.
/// </summary>
public sealed class HostResult
{
    public required string HostName { get; init; }

    public required HostStatus Status { get; init; }

    public bool Changed => Status == HostStatus.Changed;

    /// <summary>The steps of the host's plan (0 for a host already as declared).</summary>
    public int PlannedSteps { get; init; }

    public int StepsApplied { get; init; }

    /// <summary>The rtnetlink requests that changed something on the host (0 when nothing was sent).</summary>
    public long ChangeRequests { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>When the host began applying its plan, by the host's clock in UTC (unset when it applied nothing).</summary>
    public DateTime? Started { get; init; }

    /// <summary>Why the host failed or was unreachable; empty otherwise.</summary>
    public string Error { get; init; } = string.Empty;

    public override string ToString() => Error.Length == 0 ? $"{HostName}: {Status}" : $"{HostName}: {Status} ({Error})";
}
