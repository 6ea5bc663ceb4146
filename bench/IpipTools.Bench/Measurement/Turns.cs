namespace IpipTools.Bench.Measurement;

/// <summary>
/// Runs contestants in turns, <paramref name="repetitions"/> rounds, each round starting
/// with the next one: a burst of load from elsewhere, or the first run after a namespace
/// teardown, then falls on each of them alike rather than always on the same one.
/// </summary>
internal static class Turns
{
    public static void Run(int repetitions, params Action[] contestants) => Run(repetitions, TimeSpan.Zero, contestants);

    /// <summary>With a pause after each contestant, for work whose teardown goes on in the kernel afterwards.</summary>
    public static void Run(int repetitions, TimeSpan pause, params Action[] contestants)
    {
        for (var round = 0; round < repetitions; round++)
        {
            for (var i = 0; i < contestants.Length; i++)
            {
                contestants[(i + round) % contestants.Length]();
                if (pause > TimeSpan.Zero)
                {
                    Thread.Sleep(pause);
                }
            }
        }
    }
}
