using System.ComponentModel;
using System.Diagnostics;
using IpipTools.Core.Errors;

namespace IpipTools.Core.Namespaces;

/// <summary>
/// Starts a native program inside a network namespace, like <c>ip netns exec</c>.
/// fork(2) gives the child the namespaces of the thread that forks, so the process is
/// started from a short-lived thread that has entered the namespace
/// (<see cref="NamespaceThread.Run{T}"/>); the caller's thread never moves, and the
/// child keeps the namespace after that thread ends.
/// </summary>
public static class NamespaceProcess
{
    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/> in
    /// <paramref name="target"/>, standard output redirected so that it can be read
    /// line by line. Standard error goes where the caller's goes, as for any native
    /// command, unless <paramref name="captureStandardError"/> is set.
    /// </summary>
    public static NamespaceCommand Start(NetNamespace target, string fileName, IEnumerable<string>? arguments = null,
        string? workingDirectory = null, bool captureStandardError = false)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            throw new IpipToolsException("No program was given to run.", "NoProgramGiven", IpipErrorCategory.InvalidArgument,
                "Give the program's path or name, e.g. /usr/bin/ping.");
        }

        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = captureStandardError,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments ?? Array.Empty<string>())
        {
            info.ArgumentList.Add(argument);
        }

        var commandLine = CommandLineOf(info);
        return new NamespaceCommand(StartIn(target, info, commandLine), commandLine, target, captureStandardError);
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> in <paramref name="target"/> as a
    /// <see cref="TetheredProcess"/>: its standard input is a pipe held by this process, and
    /// it is expected to end when that closes. Its standard output is read and dropped (a
    /// server speaks through other channels; a terminal must not get its bytes), and its
    /// standard error goes where this process's goes, so that a failure to start shows.
    /// <paramref name="environment"/> is added to the inherited environment (a null value removes
    /// that variable).
    /// </summary>
    public static TetheredProcess StartTethered(NetNamespace target, string fileName, IEnumerable<string> arguments,
        string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return new TetheredProcess(StartIn(target, info, CommandLineOf(info)), target);
    }

    private static string CommandLineOf(ProcessStartInfo info) => string.Join(" ", new[] { info.FileName }.Concat(info.ArgumentList));

    /// <summary>fork(2) from a thread inside <paramref name="target"/>, so the child starts there; the caller's thread never moves.</summary>
    private static Process StartIn(NetNamespace target, ProcessStartInfo info, string commandLine)
    {
        try
        {
            return NamespaceThread.Run(target, () => Process.Start(info))
                ?? throw new IpipToolsException($"'{commandLine}' did not start.", "NativeCommandNotStarted", IpipErrorCategory.InvalidOperation, null, commandLine);
        }
        catch (Win32Exception e)
        {
            throw new IpipToolsException(
                $"Cannot start '{commandLine}' {target.Describe()}: {e.Message}.",
                "NativeCommandNotFound", IpipErrorCategory.ObjectNotFound,
                "Check the program's name (or give its full path) and that it is executable.", commandLine, e);
        }
    }

    /// <summary>Runs to completion and collects everything (for tests and -PassThru).</summary>
    public static NamespaceCommandResult Run(NetNamespace target, string fileName, IEnumerable<string>? arguments = null, bool captureStandardError = true)
    {
        using var command = Start(target, fileName, arguments, captureStandardError: captureStandardError);
        return command.Complete();
    }
}
