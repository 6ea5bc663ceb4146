namespace IpipTools.Core.Errors;

/// <summary>
/// English for words only known at run time, so that messages read as sentences: "an ipip
/// tunnel", "a gre tunnel", "1 step", "3 steps" (not "a ipip tunnel", "1 step(s)").
/// </summary>
public static class Wording
{
    /// <summary>
    /// <paramref name="word"/> with its indefinite article. Link kinds are spoken as words or
    /// letter by letter; those spoken with a vowel sound first start with a vowel letter.
    /// </summary>
    public static string WithArticle(string word) =>
        (word.Length > 0 && "aeiouAEIOU".Contains(word[0]) ? "an " : "a ") + word;

    /// <summary>"1 step", "2 steps": the count with the noun in the number it takes.</summary>
    public static string Count(long count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
