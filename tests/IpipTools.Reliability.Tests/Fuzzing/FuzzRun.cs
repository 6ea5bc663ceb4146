using System.Diagnostics;

namespace IpipTools.Reliability.Tests.Fuzzing;

/// <summary>
/// A reproducible fuzz run: case i of seed S always mutates the same corpus datagram the
/// same way (its own Random, seeded from S and i), so a finding is replayed alone with
/// <c>--fuzz --seed S --case i</c>. The cases run on a worker thread the caller waits on
/// with a deadline: a parser stuck in a loop is reported as a hang with the case it was on.
/// </summary>
internal sealed class FuzzRun
{
    private readonly IReadOnlyList<(string Name, byte[] Bytes)> _corpus;
    private readonly byte[][] _seeds;
    private volatile int _current = -1;

    public FuzzRun(IReadOnlyList<(string Name, byte[] Bytes)> corpus, int seed)
    {
        _corpus = corpus;
        _seeds = corpus.Select(c => c.Bytes).ToArray();
        Seed = seed;
    }

    public int Seed { get; }

    public sealed record Finding(int Case, string CorpusFile, byte[] Input, string Problem);

    public sealed record Summary(int Cases, TimeSpan Elapsed, TimeSpan SlowestCase, IReadOnlyList<Finding> Findings);

    /// <summary>Case <paramref name="index"/>: the corpus file it mutates and the mutated bytes.</summary>
    public (string CorpusFile, byte[] Input) Case(int index)
    {
        var random = new Random(HashCode.Combine(Seed, index));
        var pick = random.Next(_corpus.Count);
        return (_corpus[pick].Name, Mutator.Mutate(_corpus[pick].Bytes, random, _seeds));
    }

    public Summary Run(int first, int count, TimeSpan deadline, int maxFindings = 20)
    {
        var findings = new List<Finding>();
        var slowest = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            for (var i = first; i < first + count && findings.Count < maxFindings; i++)
            {
                _current = i;
                var (file, input) = Case(i);
                var started = clock.Elapsed;
                var problem = ParserHarness.Feed(input);
                var took = clock.Elapsed - started;
                slowest = took > slowest ? took : slowest;
                if (problem is not null)
                {
                    findings.Add(new Finding(i, file, input, problem.ToString()));
                }
            }
        }, maxStackSize: 16 * 1024 * 1024) { IsBackground = true, Name = "fuzz worker" };
        worker.Start();
        if (!worker.Join(deadline))
        {
            var (file, input) = Case(_current);
            findings.Add(new Finding(_current, file, input, $"hang: case {_current} was still running after the {deadline.TotalSeconds:0} s deadline"));
        }

        return new Summary(count, clock.Elapsed, slowest, findings);
    }
}
