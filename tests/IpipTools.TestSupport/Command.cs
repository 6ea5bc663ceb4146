using System.Diagnostics;

namespace IpipTools.TestSupport;

/// <summary>Runs external tools (iproute2 as the oracle, ping, tcpdump) for tests. Never used by the product.</summary>
public static class Command
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public Result EnsureSuccess(string what)
        {
            if (ExitCode != 0)
            {
                throw new InvalidOperationException($"{what} failed with exit code {ExitCode}: {Error}{Output}");
            }

            return this;
        }
    }

    /// <summary>Full path of a tool: busybox in the test VM would shadow a bare name.</summary>
    public static string Tool(string name)
    {
        foreach (var dir in new[] { "/usr/sbin", "/usr/bin", "/sbin", "/bin" })
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return name;
    }

    public static Result Run(string file, params string[] arguments) => Run(file, arguments, TimeSpan.FromSeconds(30));

    public static Result Run(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(Tool(file))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in {timeout}");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>
    /// Starts a long-running tool (say, `ip netns exec NS sleep 30`, a process that
    /// holds a namespace) without waiting; the caller kills and disposes it.
    /// </summary>
    public static Process Start(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(Tool(file)) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
    }

    /// <summary><c>ip [-n NS] ARGS...</c></summary>
    public static Result Ip(string? netns, params string[] arguments) =>
        Run("ip", netns is null ? arguments : new[] { "-n", netns }.Concat(arguments).ToArray());

    /// <summary>
    /// True if one ICMP echo from namespace <paramref name="netns"/> to <paramref name="address"/>
    /// is answered within <paramref name="wait"/>; a short wait keeps negative checks cheap.
    /// </summary>
    public static bool Ping(string netns, string address, TimeSpan wait, string? source = null)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var arguments = new List<string> { "netns", "exec", netns, Tool("ping"), "-c", "1", "-W", seconds };
        if (source is not null)
        {
            arguments.AddRange(new[] { "-I", source });
        }

        arguments.Add(address);
        return Run("ip", arguments, TimeSpan.FromSeconds(20)).ExitCode == 0;
    }
}
