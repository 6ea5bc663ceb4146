using System.Collections.Immutable;
using System.Text.Json.Serialization;
using IpipTools.Core.Rtnl.Kinds;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// The settings of a tunnel that belong to its kind alone (a gre tunnel's keys), by the
/// topology key that states them. Only the kind's driver knows the keys
/// (<see cref="ITunnelKind.OwnSettings"/>); desired state compares, prints and stores them
/// without knowing what they mean. A key that is absent is the kind's default; values are
/// whole numbers (a flag is 1). Two sets are equal when they hold the same keys and values.
/// </summary>
public sealed class TunnelOptions : IEquatable<TunnelOptions>
{
    public static readonly TunnelOptions None = new(ImmutableSortedDictionary<string, long>.Empty);

    [JsonConstructor]
    public TunnelOptions(IReadOnlyDictionary<string, long>? values)
    {
        Values = values as ImmutableSortedDictionary<string, long>
            ?? (values ?? ImmutableDictionary<string, long>.Empty).ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, long> Values { get; }

    [JsonIgnore]
    public bool IsEmpty => Values.Count == 0;

    public long? this[string key] => Values.TryGetValue(key, out var value) ? value : null;

    /// <summary>The kind's own settings stated in a topology entry (the reader then rejects the keys nobody read).</summary>
    internal static TunnelOptions Read(ITunnelKind kind, DataMapReader entry) =>
        kind.OwnSettings.Aggregate(None, (options, setting) => options.With(setting.Name, entry.Integer(setting.Name, setting.Minimum, setting.Maximum)));

    /// <summary>The kind's own settings in <paramref name="parameters"/>, as a topology states them.</summary>
    internal static TunnelOptions Of(ITunnelKind kind, Ipv4TunnelParameters parameters) =>
        kind.OwnSettings.Aggregate(None, (options, setting) => options.With(setting.Name, setting.Get(parameters)));

    /// <summary><paramref name="parameters"/> with the kind's own settings these options state; the absent ones are the kind's defaults.</summary>
    internal Ipv4TunnelParameters ApplyTo(ITunnelKind kind, Ipv4TunnelParameters parameters) =>
        kind.OwnSettings.Aggregate(parameters, (p, setting) => setting.Set(p, this[setting.Name]));

    /// <summary>The keys for a topology entry, in the kind's order; defaults left out.</summary>
    internal IEnumerable<KeyValuePair<string, object>> Entries(ITunnelKind kind) =>
        kind.OwnSettings.Where(setting => this[setting.Name] is not null).Select(setting => new KeyValuePair<string, object>(setting.Name, this[setting.Name]!.Value));

    /// <summary>These options with <paramref name="key"/> set to <paramref name="value"/>, or removed when it is null.</summary>
    public TunnelOptions With(string key, long? value)
    {
        var values = (ImmutableSortedDictionary<string, long>)Values;
        return new TunnelOptions(value is long v ? values.SetItem(key, v) : values.Remove(key));
    }

    /// <summary>What differs from <paramref name="other"/>, as "InputKey 1 → 2" phrases.</summary>
    public IEnumerable<string> Differences(TunnelOptions other) =>
        Values.Keys.Union(other.Values.Keys).Order(StringComparer.Ordinal)
            .Where(key => this[key] != other[key])
            .Select(key => $"{key} {other[key]?.ToString() ?? "none"} → {this[key]?.ToString() ?? "none"}");

    public bool Equals(TunnelOptions? other) =>
        other is not null && Values.Count == other.Values.Count && Values.All(kv => other[kv.Key] == kv.Value);

    public override bool Equals(object? obj) => Equals(obj as TunnelOptions);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in Values)
        {
            hash.Add(key);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => IsEmpty ? "none" : string.Join(", ", Values.Select(kv => $"{kv.Key} {kv.Value}"));
}
