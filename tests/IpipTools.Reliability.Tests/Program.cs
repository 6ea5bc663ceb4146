using IpipTools.Reliability.Tests.Corpus;
using IpipTools.Reliability.Tests.Fuzzing;
using IpipTools.Reliability.Tests.Privilege;

namespace IpipTools.Reliability.Tests;

/// <summary>
/// The test executable's entry point: xunit.v3 by default, plus console modes that are not
/// tests of their own (see <see cref="Usage"/>).
/// </summary>
public static class Program
{
    public const string Usage = """
        IpipTools.Reliability.Tests                          run the tests (xunit.v3 options apply)
        IpipTools.Reliability.Tests --fuzz [CASES] [--seed N] [--case I]
                                                             fuzz the parsers (default 100,000 cases, a random seed);
                                                             --case replays one case of a seed
        IpipTools.Reliability.Tests --capture-corpus DIR     capture the kernel replies the fuzzer mutates (root)
        """;

    public static int Main(string[] args)
    {
        if (args.Length > 0)
        {
            switch (args[0])
            {
                case "--fuzz":
                    return FuzzCommand.Run(args[1..]);
                case "--capture-corpus" when args.Length == 2:
                    return CorpusCapture.Run(args[1]);
                case UnprivilegedProbe.Mode:
                    return UnprivilegedProbe.Run(args[1..]);
                case "--help-modes":
                    Console.WriteLine(Usage);
                    return 0;
            }
        }

        return Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args).GetAwaiter().GetResult();
    }
}
