using System.Globalization;
using System.Text;
using IpipTools.Bench.Measurement;

namespace IpipTools.Bench;

/// <summary>One benchmark's results: a heading, a markdown table, and notes (targets met or missed).</summary>
internal sealed class ResultTable
{
    public ResultTable(string title, params string[] columns)
    {
        Title = title;
        Columns = columns;
    }

    public string Title { get; }

    public string[] Columns { get; }

    public List<string[]> Rows { get; } = new();

    public List<string> Notes { get; } = new();

    public void Add(params string[] cells) => Rows.Add(cells);

    /// <summary>
    /// A row of a throughput table: count, contestant, wall/user/system, items per second,
    /// managed allocations, and the speed-up over <paramref name="baseline"/> (its wall time over this one's).
    /// </summary>
    public void AddThroughput(int count, string contestant, Sample sample, Sample baseline) =>
        Add([Format.Count(count), contestant, .. Format.Times(sample), Format.Rate(count, sample.Wall), Format.Bytes(sample.AllocatedBytes), Format.Ratio(baseline.Wall / sample.Wall)]);

    public void WriteMarkdown(StringBuilder text)
    {
        text.Append("## ").AppendLine(Title).AppendLine();
        if (Rows.Count > 0)
        {
            text.Append("| ").AppendJoin(" | ", Columns).AppendLine(" |");
            text.Append('|').AppendJoin("|", Columns.Select(c => " --- ")).AppendLine("|");
            foreach (var row in Rows)
            {
                text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
            }

            text.AppendLine();
        }

        foreach (var note in Notes)
        {
            text.Append("- ").AppendLine(note);
        }

        if (Notes.Count > 0)
        {
            text.AppendLine();
        }
    }
}

/// <summary>Number formats shared by every table.</summary>
internal static class Format
{
    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    public static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(int items, TimeSpan time) =>
        Count((long)(items / Math.Max(time.TotalSeconds, 1e-9))) + "/s";

    public static string Bytes(long? bytes) => bytes switch
    {
        null => "–",
        >= 10 * 1024 * 1024 => (bytes.Value / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        >= 10 * 1024 => (bytes.Value / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.Value.ToString(CultureInfo.InvariantCulture) + " B",
    };

    public static string PerItem(long? bytes, int items) =>
        bytes is long b ? (b / (double)items).ToString("0", CultureInfo.InvariantCulture) + " B" : "–";

    /// <summary>The columns every timing table has: wall, user, system.</summary>
    public static string[] Times(Sample sample) => [Seconds(sample.Wall), Seconds(sample.User), Seconds(sample.System)];
}
