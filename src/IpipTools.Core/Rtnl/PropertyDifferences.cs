namespace IpipTools.Core.Rtnl;

/// <summary>
/// One property a desired object is compared on: the word <c>ip</c> names it by, how to read
/// it, and how to print a value (default: ToString).
/// </summary>
public sealed record ComparedProperty<T>(string Word, Func<T, object?> Read, Func<object, string>? Format = null)
{
    /// <summary>A desired value left unset (null) accepts whatever is there.</summary>
    public bool UnsetMeansAny { get; init; }
}

/// <summary>
/// The one way a desired kernel object is compared with what was read: property by property,
/// in "word old → new" phrases ("via 10.0.0.1 → 10.0.0.2", "onlink added"), which plans show
/// as a change's reason.
/// </summary>
public static class PropertyDifferences
{
    public static IEnumerable<string> Between<T>(T desired, T actual, IEnumerable<ComparedProperty<T>> properties)
    {
        foreach (var property in properties)
        {
            var want = property.Read(desired);
            var have = property.Read(actual);
            if (Equals(want, have) || (want is null && property.UnsetMeansAny))
            {
                continue;
            }

            if (want is bool wanted)
            {
                yield return $"{property.Word} {(wanted ? "added" : "removed")}";
                continue;
            }

            yield return $"{property.Word} {Print(property, have)} → {Print(property, want)}";
        }
    }

    private static string Print<T>(ComparedProperty<T> property, object? value) =>
        value is null ? "none" : property.Format?.Invoke(value) ?? value.ToString() ?? "none";
}
