namespace IpipTools.Bench.Measurement;

/// <summary>
/// One timed operation. <see cref="User"/> and <see cref="System"/> are the CPU time of
/// whoever did the work (this process, or the `ip` children); allocations and peak
/// memory are known only for work done in this process.
/// </summary>
internal sealed record Sample(TimeSpan Wall, TimeSpan User, TimeSpan System, long? AllocatedBytes = null, long? PeakGrowthBytes = null)
{
    /// <summary>The sample scaled by <paramref name="factor"/> (a sampled run extrapolated to the full count).</summary>
    public Sample Scale(double factor) => new(Wall * factor, User * factor, System * factor,
        AllocatedBytes is long a ? (long)(a * factor) : null, PeakGrowthBytes);

    /// <summary>The median of each figure over repeated runs (each figure on its own).</summary>
    public static Sample Median(IReadOnlyList<Sample> samples)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("no samples", nameof(samples));
        }

        return new Sample(
            Middle(samples.Select(s => s.Wall)),
            Middle(samples.Select(s => s.User)),
            Middle(samples.Select(s => s.System)),
            samples[0].AllocatedBytes is null ? null : Middle(samples.Select(s => s.AllocatedBytes!.Value)),
            samples[0].PeakGrowthBytes is null ? null : Middle(samples.Select(s => s.PeakGrowthBytes!.Value)));
    }

    private static T Middle<T>(IEnumerable<T> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
