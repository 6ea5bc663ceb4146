using System.Management.Automation;

namespace IpipTools.Completers;

/// <summary>What every IpipTools completer offers for a partly typed word.</summary>
internal static class Completions
{
    /// <summary>The names starting with <paramref name="word"/>, ordered; quotes and a trailing '*' the user typed are ignored.</summary>
    public static IEnumerable<CompletionResult> StartingWith(IEnumerable<string> names, string? word)
    {
        var prefix = (word ?? string.Empty).Trim('\'', '"').TrimEnd('*');
        return names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => new CompletionResult(n))
            .ToList();
    }
}
