using System.Text.RegularExpressions;
using IpipTools.Module.Tests.Engine;

namespace IpipTools.Module.Tests.Contract;

/// <summary>
/// Every file or folder of the repository that the markdown documents name (a path in
/// backticks under src/, tests/, docs/, examples/, bench/ or .ci/, or a relative link) exists,
/// so a document cannot go on citing a test file that was renamed or never written.
/// </summary>
public sealed partial class DocumentedPathTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repository.Root, "*.md", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(Repository.Root, f))
                     .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "out" or "node_modules" || part.StartsWith('.')))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryPathItNamesExists(string document)
    {
        var text = Repository.Read(document);
        var folder = Path.GetDirectoryName(Repository.PathOf(document))!;
        var cited = RepositoryPath().Matches(text).Select(m => Repository.PathOf(m.Groups[1].Value))
            .Concat(RelativeLink().Matches(text).Select(m => Path.Combine(folder, m.Groups[1].Value)))
            // Build output (bin/, out/) exists only after a build; a placeholder is not a path.
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains('<', StringComparison.Ordinal) && !p.Contains('*', StringComparison.Ordinal));
        var missing = cited.Where(p => !File.Exists(p) && !Directory.Exists(p))
            .Select(p => Path.GetRelativePath(Repository.Root, p)).Distinct().ToList();
        Assert.True(missing.Count == 0, $"{document} names what the repository does not hold: {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"`((?:src|tests|docs|examples|bench|\.ci|\.config)/[A-Za-z0-9_.@/<>*-]+)`")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"\]\((?!https?:|#|mailto:)([^)#\s]+)(?:#[^)]*)?\)")]
    private static partial Regex RelativeLink();
}
