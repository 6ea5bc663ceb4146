using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace IpipTools.TestSupport;

/// <summary>
/// tcpdump capturing on one device of a namespace into a pcap file: started before the
/// traffic, stopped after it, read back with <see cref="PcapFile"/>. The filter keeps
/// unrelated frames (ARP, IPv6 neighbour discovery) out, so the count is exact.
/// </summary>
public sealed class PacketCapture : IDisposable
{
    private const int SigInt = 2;

    private readonly Process _process;
    private readonly string _file;
    private readonly StringBuilder _errors = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PacketCapture(Process process, string file, string description)
    {
        _process = process;
        _file = file;
        Description = description;
    }

    /// <summary>"tcpdump -i veth01_p ip proto 4 in ns01-1a2b3c4d", for messages.</summary>
    public string Description { get; }

    /// <summary>
    /// Starts tcpdump on <paramref name="device"/> in namespace <paramref name="netns"/>
    /// and returns once it is listening. It stops by itself after <paramref name="count"/> packets.
    /// </summary>
    public static PacketCapture Start(string netns, string device, string filter, int count)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ipiptools-{Guid.NewGuid():N}.pcap");
        var info = new ProcessStartInfo(Command.Tool("ip"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // -Z root: the test VM has no tcpdump user to drop to. -U: every packet reaches the
        // file at once, so a capture that is interrupted still holds what it saw.
        foreach (var argument in new[] { "netns", "exec", netns, Command.Tool("tcpdump"), "-Z", "root", "-n", "-U", "-i", device, "-c", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "-w", file })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var word in filter.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            info.ArgumentList.Add(word);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start tcpdump");
        var capture = new PacketCapture(process, file, $"tcpdump -i {device} {filter} in {netns}");
        process.ErrorDataReceived += (_, e) => capture.OnError(e.Data);
        process.BeginErrorReadLine();
        process.StandardOutput.ReadToEndAsync();
        if (!capture._listening.Task.Wait(TimeSpan.FromSeconds(15)))
        {
            capture.Dispose();
            throw new TimeoutException($"{capture.Description} did not start listening: {capture.Errors}");
        }

        if (process.HasExited)
        {
            var errors = capture.Errors;
            capture.Dispose();
            throw new InvalidOperationException($"{capture.Description} failed to start (exit {process.ExitCode}): {errors}");
        }

        return capture;
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString().Trim();
            }
        }
    }

    /// <summary>
    /// Waits up to <paramref name="wait"/> for the expected packets, then stops tcpdump
    /// (SIGINT, so it closes the file properly) and reads what it captured.
    /// </summary>
    public PcapFile Stop(TimeSpan wait)
    {
        if (!_process.WaitForExit(wait))
        {
            _ = Kill(_process.Id, SigInt);
            if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }

        if (!File.Exists(_file))
        {
            throw new InvalidOperationException($"{Description} wrote no file: {Errors}");
        }

        return PcapFile.Read(_file);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        File.Delete(_file);
    }

    private void OnError(string? line)
    {
        if (line is null)
        {
            _listening.TrySetResult(); // tcpdump ended; Stop/Start report what it said
            return;
        }

        lock (_errors)
        {
            _errors.AppendLine(line);
        }

        if (line.Contains("listening on", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
