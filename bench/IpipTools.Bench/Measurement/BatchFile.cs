namespace IpipTools.Bench.Measurement;

/// <summary>An `ip -batch` file in the temporary directory, written before the clock starts and deleted on dispose.</summary>
internal sealed class BatchFile : IDisposable
{
    public BatchFile(IEnumerable<string> lines)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ipiptools-bench-{Guid.NewGuid():N}.batch");
        File.WriteAllLines(Path, lines);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
