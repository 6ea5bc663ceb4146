using System.Management.Automation.Language;

namespace IpipTools.Module.Tests.Scripts;

/// <summary>
/// The repository's PowerShell files, checked by PowerShell's own parser
/// (<see cref="Parser.ParseFile"/>): the parser pwsh runs, so it reports exactly what
/// pwsh would refuse to run, semantic checks included (a left-hand side that cannot be
/// assigned, a key repeated in a hashtable literal, a <c>using</c> statement after other
/// statements).
/// </summary>
public static class ScriptSyntax
{
    public static readonly string[] Extensions = { ".ps1", ".psd1", ".psm1" };

    /// <summary>Build output and tool folders: not the repository's own scripts.</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "bin", "obj", "out" };

    /// <summary>Every .ps1/.psd1/.psm1 under <paramref name="root"/>, relative to it, in a stable order.</summary>
    public static IReadOnlyList<string> FilesUnder(string root)
    {
        var files = new List<string>();
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var child in folder.EnumerateDirectories().Where(d => !SkippedFolders.Contains(d.Name)))
            {
                pending.Push(child);
            }

            files.AddRange(folder.EnumerateFiles()
                .Where(f => Extensions.Contains(f.Extension, StringComparer.OrdinalIgnoreCase))
                .Select(f => Path.GetRelativePath(root, f.FullName)));
        }

        return files.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Each parse error of the file, as "FILE:LINE:COLUMN: message [ErrorId]".</summary>
    public static IReadOnlyList<string> ErrorsIn(string root, string relativePath)
    {
        Parser.ParseFile(Path.Combine(root, relativePath), out _, out var errors);
        return errors
            .Select(e => $"{relativePath}:{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber}: {e.Message} [{e.ErrorId}]")
            .ToList();
    }
}
