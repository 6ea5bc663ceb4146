using System.Diagnostics;
using IpipTools.TestSupport;

namespace IpipTools.Bench.Measurement;

/// <summary>
/// Runs iproute2's `ip` the way a script would, and measures it: wall time from start to
/// exit, and the child's own user and kernel time (getrusage of reaped children).
/// </summary>
internal static class IpProcess
{
    private static readonly string Ip = Command.Tool("ip");

    /// <summary>
    /// One `ip` run. With <paramref name="discardOutput"/> its standard output goes to
    /// /dev/null (through `sh -c 'exec ...'`, which costs no extra process), so printing a
    /// large dump costs `ip` what it would cost writing to a file, and nothing of ours.
    /// </summary>
    public static Sample Run(IReadOnlyList<string> arguments, bool discardOutput = false)
    {
        var info = discardOutput
            ? new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "exec \"$0\" \"$@\" >/dev/null", Ip } }
            : new ProcessStartInfo(Ip) { RedirectStandardOutput = true };
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var before = ResourceUsage.Children();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start ip");
        var error = process.StandardError.ReadToEndAsync();
        var output = discardOutput ? Task.FromResult(string.Empty) : process.StandardOutput.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        var cpu = ResourceUsage.Children() - before;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result.Trim()}{output.Result.Trim()}");
        }

        return new Sample(clock.Elapsed, cpu.User, cpu.System);
    }

    /// <summary>Adds up separate runs (one `ip` process per request).</summary>
    public static Sample RunEach(IEnumerable<IReadOnlyList<string>> runs)
    {
        var wall = TimeSpan.Zero;
        var user = TimeSpan.Zero;
        var system = TimeSpan.Zero;
        foreach (var arguments in runs)
        {
            var sample = Run(arguments);
            wall += sample.Wall;
            user += sample.User;
            system += sample.System;
        }

        return new Sample(wall, user, system);
    }

    /// <summary>`ip -V`, for the report.</summary>
    public static string Version()
    {
        var result = Command.Run("ip", "-V");
        return result.Output.Trim();
    }
}
