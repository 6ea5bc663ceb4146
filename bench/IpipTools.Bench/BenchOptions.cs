namespace IpipTools.Bench;

/// <summary>The command line (see <see cref="Usage"/>).</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        IpipTools.Bench [options]      (needs root: it makes throwaway network namespaces)

          --routes N[,N...]   route programming sizes              (default 10000,100000)
          --dump N[,N...]     route dump sizes                     (default 10000,100000,200000)
          --tunnels N         ipip tunnels to create (needs ipip)  (default 1000)
          --mesh N            mesh peers to converge               (default 1000)
          --repeat R          runs per contestant; medians shown   (default 3)
          --sample S          `ip route add` processes run, then extrapolated (default 200)
          --only LIST         any of routes,dump,tunnels,mesh      (default all)
          --quick             N = 100 everywhere, one run each: proves it builds and completes
          --output PATH       write the results there (default bench/RESULTS.md in the
                              repository; with --quick, nowhere unless given)
        """;

    public IReadOnlyList<int> RouteCounts { get; init; } = [10_000, 100_000];

    public IReadOnlyList<int> DumpCounts { get; init; } = [10_000, 100_000, 200_000];

    public int TunnelCount { get; init; } = 1000;

    public int MeshPeers { get; init; } = 1000;

    public int Repetitions { get; init; } = 3;

    public int PerProcessSample { get; init; } = 200;

    public IReadOnlySet<string> Only { get; init; } = new HashSet<string> { "routes", "dump", "tunnels", "mesh" };

    public bool Quick { get; init; }

    public string? Output { get; init; }

    public bool Runs(string benchmark) => Only.Contains(benchmark);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--routes" => options with { RouteCounts = Counts(Value()) },
                "--dump" => options with { DumpCounts = Counts(Value()) },
                "--tunnels" => options with { TunnelCount = Counts(Value())[0] },
                "--mesh" => options with { MeshPeers = Counts(Value())[0] },
                "--repeat" => options with { Repetitions = Counts(Value())[0] },
                "--sample" => options with { PerProcessSample = Counts(Value())[0] },
                "--only" => options with { Only = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet() },
                "--quick" => options with
                {
                    Quick = true, RouteCounts = [100], DumpCounts = [100], TunnelCount = 100, MeshPeers = 100, Repetitions = 1, PerProcessSample = 10,
                },
                "--output" => options with { Output = output = Value() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options with { Output = output ?? (options.Quick ? null : DefaultOutput()) };
    }

    private static IReadOnlyList<int> Counts(string text) =>
        text.Split(',').Select(t => int.Parse(t.Replace("_", string.Empty), System.Globalization.CultureInfo.InvariantCulture))
            .Select(n => n > 0 ? n : throw new ArgumentException($"{n} is not a positive count")).ToList();

    /// <summary>bench/RESULTS.md of the repository this program was built in, if it can be found.</summary>
    private static string? DefaultOutput()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IpipTools.sln")))
            {
                return Path.Combine(dir.FullName, "bench", "RESULTS.md");
            }
        }

        return null;
    }
}
