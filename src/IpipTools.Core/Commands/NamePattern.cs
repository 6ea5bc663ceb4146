using System.Text.RegularExpressions;

namespace IpipTools.Core.Commands;

/// <summary>
/// Name filters as PowerShell users write them: null matches everything, '*' and '?'
/// are wildcards, anything else is an exact name (which, unlike a pattern, must exist).
/// </summary>
public sealed class NamePattern
{
    private readonly Regex? _regex;

    private NamePattern(string? text)
    {
        Text = text;
        if (text is not null && IsWildcard(text))
        {
            _regex = new Regex("^" + Regex.Escape(text).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.CultureInvariant);
        }
    }

    public string? Text { get; }

    /// <summary>True when the filter names one object exactly, so finding none is an error.</summary>
    public bool IsExact => Text is not null && _regex is null;

    public static NamePattern Of(string? text) => new(string.IsNullOrEmpty(text) ? null : text);

    public static bool IsWildcard(string text) => text.IndexOfAny(new[] { '*', '?' }) >= 0;

    public bool Matches(string name) => Text is null || (_regex?.IsMatch(name) ?? string.Equals(Text, name, StringComparison.Ordinal));
}
