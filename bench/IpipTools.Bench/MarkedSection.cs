namespace IpipTools.Bench;

/// <summary>
/// The parts of RESULTS.md that other runs write between <c>&lt;!-- NAME --&gt;</c> markers
/// (bench/results.sh): the cmdlet benchmark (<c>cmdlets</c>, bench/cmdlets/run.sh) and the qemu
/// guest's runs (<c>cmdlets-qemu</c> and <c>qemu</c>, bench/kernel/run.sh). A run of this
/// program rewrites the file but keeps them, since it measures none of that.
/// </summary>
internal static class MarkedSection
{
    /// <summary>The section with its markers, or nothing when there is no such file or section.</summary>
    public static string From(string? resultsFile, string name)
    {
        if (resultsFile is null || !File.Exists(resultsFile))
        {
            return string.Empty;
        }

        var lines = File.ReadAllLines(resultsFile);
        var begin = Array.IndexOf(lines, $"<!-- {name} -->");
        var end = Array.IndexOf(lines, $"<!-- /{name} -->");
        return begin >= 0 && end > begin ? string.Join('\n', lines[begin..(end + 1)]) + "\n\n" : string.Empty;
    }
}
