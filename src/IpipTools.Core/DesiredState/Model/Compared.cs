namespace IpipTools.Core.DesiredState;

/// <summary>
/// One property a desired-state record compares, with how a change of it reads in a plan
/// ("ttl 64 → 10"). A record declares the list of its compared properties once, and
/// <see cref="Compared.Differences"/> walks it, instead of a hand-written comparison per
/// record that has to be kept in step with the record's properties.
/// </summary>
/// <param name="Value">The property's value; two values differ when <see cref="object.Equals(object, object)"/> says so.</param>
/// <param name="Describe">The change from the first value (what is) to the second (what is wanted), in words.</param>
internal sealed record Compared<T>(Func<T, object?> Value, Func<object?, object?, string> Describe)
{
    /// <summary>A setting that reads "<paramref name="word"/> old → new", a null value shown as <paramref name="none"/>.</summary>
    public static Compared<T> Setting(string word, Func<T, object?> value, string none = "none") =>
        new(value, (was, want) => $"{word} {was ?? none} → {want ?? none}");
}

/// <summary>Differences between two records over their declared <see cref="Compared{T}"/> properties.</summary>
internal static class Compared
{
    /// <summary>What differs from <paramref name="was"/> to <paramref name="want"/>, in declaration order.</summary>
    public static IEnumerable<string> Differences<T>(T want, T was, IEnumerable<Compared<T>> properties) =>
        from property in properties
        let before = property.Value(was)
        let after = property.Value(want)
        where !Equals(before, after)
        select property.Describe(before, after);
}
