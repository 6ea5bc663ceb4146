namespace IpipTools.Core.Diagnostics;

/// <summary>One result of Test-IpipSupport: what was checked, in which namespace, the outcome and what to do.</summary>
public sealed record SupportCheck(string Check, SupportStatus Status, string Detail, string? RecommendedAction = null)
{
    public string? Namespace { get; init; }

    /// <summary>The object the check looked at (a tunnel, a device, a sysctl), when there is one.</summary>
    public string? Subject { get; init; }

    public override string ToString() => $"{Check}: {Status} - {Detail}";
}
