using IpipTools.Reliability.Tests.Corpus;

namespace IpipTools.Reliability.Tests.Fuzzing;

/// <summary>
/// The long fuzz run (`--fuzz [CASES] [--seed N] [--case I]`), outside the test runner: by
/// default 100,000 cases with a fresh seed, which it prints so that any finding can be
/// replayed. Findings are written as NAME.bin next to a .txt with the exception.
/// </summary>
internal static class FuzzCommand
{
    public static int Run(string[] args)
    {
        var cases = 100_000;
        var seed = Random.Shared.Next();
        int? single = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seed": seed = int.Parse(args[++i]); break;
                case "--case": single = int.Parse(args[++i]); break;
                default: cases = int.Parse(args[i].Replace("_", string.Empty)); break;
            }
        }

        var run = new FuzzRun(CorpusFiles.Load(), seed);
        var summary = single is int one
            ? run.Run(one, 1, TimeSpan.FromSeconds(30))
            : run.Run(0, cases, TimeSpan.FromMinutes(30));
        Console.WriteLine($"fuzz: seed {seed}, {summary.Cases:N0} cases in {summary.Elapsed.TotalSeconds:0.0} s, slowest case {summary.SlowestCase.TotalMilliseconds:0.0} ms, {summary.Findings.Count} finding(s)");
        Console.WriteLine("  parsers that ran to the end: " + string.Join(", ", ParserHarness.CompletedRuns.Select(p => $"{p.Key} {p.Value:N0}")));
        var directory = Path.Combine(Path.GetTempPath(), $"ipiptools-fuzz-{seed}");
        foreach (var finding in summary.Findings)
        {
            Directory.CreateDirectory(directory);
            var name = Path.Combine(directory, $"case-{finding.Case}");
            File.WriteAllBytes(name + ".bin", finding.Input);
            File.WriteAllText(name + ".txt", $"seed {seed} case {finding.Case} (from {finding.CorpusFile})\n{finding.Problem}\n");
            Console.WriteLine($"  case {finding.Case} (from {finding.CorpusFile}): {finding.Problem.Split('\n')[0]}");
        }

        if (summary.Findings.Count > 0)
        {
            Console.WriteLine($"  inputs and stack traces: {directory}; replay one with --fuzz --seed {seed} --case N");
        }

        return summary.Findings.Count == 0 ? 0 : 1;
    }
}
