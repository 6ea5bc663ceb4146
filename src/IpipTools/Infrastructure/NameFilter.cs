using System.Management.Automation;

namespace IpipTools.Infrastructure;

/// <summary>
/// A name argument as PowerShell users write it: left out (or empty) matches everything, one
/// with wildcard characters is a <see cref="WildcardPattern"/> (case-sensitive, as Linux
/// names are) that may match nothing, anything else is an exact name, which must exist.
/// </summary>
internal sealed class NameFilter
{
    private readonly WildcardPattern? _pattern;

    private NameFilter(string? exactName, WildcardPattern? pattern)
    {
        ExactName = exactName;
        _pattern = pattern;
    }

    /// <summary>The one name asked for, when no wildcard was given: finding nothing of it is an error.</summary>
    public string? ExactName { get; }

    public static NameFilter Of(string? text) =>
        string.IsNullOrEmpty(text) ? new(null, null)
        : WildcardPattern.ContainsWildcardCharacters(text) ? new(null, new WildcardPattern(text, WildcardOptions.CultureInvariant))
        : new(text, null);

    /// <summary>True when no name was given: everything matches.</summary>
    public bool MatchesAll => ExactName is null && _pattern is null;

    public bool Matches(string name) => _pattern?.IsMatch(name) ?? (ExactName is null || string.Equals(ExactName, name, StringComparison.Ordinal));
}
