namespace IpipTools.Bench;

/// <summary>
/// The part of RESULTS.md that bench/kernel/run.sh writes from the qemu guest (between the
/// <c>&lt;!-- qemu --&gt;</c> markers): a host run rewrites the file but keeps it, since the
/// host cannot measure what needs the ipip driver.
/// </summary>
internal static class QemuSection
{
    private const string Begin = "<!-- qemu -->";
    private const string End = "<!-- /qemu -->";

    public static string From(string resultsFile)
    {
        if (!File.Exists(resultsFile))
        {
            return string.Empty;
        }

        var lines = File.ReadAllLines(resultsFile);
        var begin = Array.IndexOf(lines, Begin);
        var end = Array.IndexOf(lines, End);
        return begin >= 0 && end > begin ? string.Join('\n', lines[begin..(end + 1)]) + "\n" : string.Empty;
    }
}
