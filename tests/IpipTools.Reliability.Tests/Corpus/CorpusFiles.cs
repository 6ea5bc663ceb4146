namespace IpipTools.Reliability.Tests.Corpus;

/// <summary>The captured datagrams (Corpus/*.bin, copied next to the test executable), by file name.</summary>
public static class CorpusFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IReadOnlyList<(string Name, byte[] Bytes)> Load()
    {
        var files = System.IO.Directory.GetFiles(Directory, "*.bin")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"no corpus in {Directory}: run the test executable with --capture-corpus Corpus (as root) from the project folder");
        }

        return files;
    }
}
