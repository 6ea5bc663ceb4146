using IpipTools.Reliability.Tests.Corpus;
using Xunit;

namespace IpipTools.Reliability.Tests.Fuzzing;

/// <summary>
/// The CI share of the fuzzing: a fixed seed, so a red run is reproducible with
/// `--fuzz --seed 20251121 --case N`. The long run is the --fuzz console mode.
/// </summary>
public sealed class ParserFuzzTests
{
    private const int Seed = 20251121;
    private const int Cases = 5000;

    [Fact]
    public void TheUnmutatedCorpusParsesCleanly()
    {
        var corpus = CorpusFiles.Load();
        Assert.True(corpus.Count >= 10, $"only {corpus.Count} corpus files");
        foreach (var (name, bytes) in corpus)
        {
            var problem = ParserHarness.Feed(bytes);
            Assert.True(problem is null, $"{name}: {problem}");
        }
    }

    [Fact]
    public void MutatedRepliesOnlyEverRaiseIpipToolsExceptions()
    {
        var run = new FuzzRun(CorpusFiles.Load(), Seed);
        var summary = run.Run(0, Cases, TimeSpan.FromSeconds(60));
        Assert.True(summary.Findings.Count == 0, string.Join("\n\n", summary.Findings.Select(f =>
            $"seed {Seed} case {f.Case} (from {f.CorpusFile}), input {Convert.ToHexString(f.Input)}:\n{f.Problem}")));
        Assert.True(summary.SlowestCase < TimeSpan.FromSeconds(1), $"the slowest case took {summary.SlowestCase.TotalMilliseconds:0} ms");

        // Mutated input must reach the typed readers, not only bounce off the framing checks.
        var completed = ParserHarness.CompletedRuns;
        foreach (var parser in new[] { "error", "link", "address", "route", "drivers" })
        {
            Assert.True(completed[parser] >= 100, $"{parser} completed only {completed[parser]} times: {string.Join(", ", completed)}");
        }
    }

    [Fact]
    public void MutationsActuallyBreakTheInput()
    {
        // Guards the fuzzer itself: if mutations stopped changing anything, the test above would pass vacuously.
        var corpus = CorpusFiles.Load().ToDictionary(c => c.Name, c => c.Bytes);
        var run = new FuzzRun(CorpusFiles.Load(), Seed);
        var changed = Enumerable.Range(0, 200).Count(i =>
        {
            var (file, input) = run.Case(i);
            return !input.AsSpan().SequenceEqual(corpus[file]);
        });
        Assert.True(changed >= 190, $"only {changed} of 200 cases differ from their seed");
    }
}
