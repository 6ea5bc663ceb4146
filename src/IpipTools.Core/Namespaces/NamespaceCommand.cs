using System.Collections.Concurrent;
using System.Diagnostics;
using IpipTools.Core.Errors;

namespace IpipTools.Core.Namespaces;

/// <summary>
/// A native program running in a namespace (see <see cref="NamespaceProcess"/>).
/// Its standard output (and, when captured, its standard error) is read by the runtime on
/// other threads and handed out in the order it arrived through <see cref="ReadOutput"/> or
/// <see cref="Stream"/>, which block until the next line, so a caller on a PowerShell
/// pipeline thread can pass lines on as they come without moving anywhere.
/// </summary>
public sealed class NamespaceCommand : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<(string Text, bool IsError)> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private int _openStreams;

    internal NamespaceCommand(Process process, string commandLine, NetNamespace target, bool captureStandardError)
    {
        _process = process;
        CommandLine = commandLine;
        Namespace = target;
        _openStreams = captureStandardError ? 2 : 1;
        _process.OutputDataReceived += (_, e) => Receive(e.Data, isError: false);
        _process.BeginOutputReadLine();
        if (captureStandardError)
        {
            _process.ErrorDataReceived += (_, e) => Receive(e.Data, isError: true);
            _process.BeginErrorReadLine();
        }
    }

    /// <summary>One line from either stream; null is that stream's end, and the last end completes the lines.</summary>
    private void Receive(string? line, bool isError)
    {
        if (line is null)
        {
            if (Interlocked.Decrement(ref _openStreams) == 0)
            {
                _lines.CompleteAdding();
            }

            return;
        }

        if (isError)
        {
            _errors.Enqueue(line);
        }

        _lines.Add((line, isError));
    }

    public string CommandLine { get; }

    public NetNamespace Namespace { get; }

    public int ProcessId => _process.Id;

    /// <summary>The lines of standard output, as they come; ends when the program closes its output.</summary>
    public IEnumerable<string> ReadOutput() => _lines.GetConsumingEnumerable().Where(l => !l.IsError).Select(l => l.Text);

    /// <summary>
    /// Hands each line to <paramref name="onOutput"/> or <paramref name="onError"/>, on the
    /// calling thread and in the order the lines arrived, until the program closes its
    /// streams. Invoke-NetNamespaceCommand writes them to the output and error streams, as
    /// PowerShell does with a native command's.
    /// </summary>
    public void Stream(Action<string> onOutput, Action<string> onError)
    {
        foreach (var (text, isError) in _lines.GetConsumingEnumerable())
        {
            (isError ? onError : onOutput)(text);
        }
    }

    /// <summary>Waits for the program to end (after its output has been read) and returns what it did.</summary>
    public NamespaceCommandResult Complete()
    {
        var output = ReadOutput().ToList();
        _process.WaitForExit();
        return new NamespaceCommandResult(CommandLine, Namespace.Namespace, _process.ExitCode, output, _errors.ToList());
    }

    /// <summary>Waits for the program to end, releases it, and returns its exit code.</summary>
    public int Finish()
    {
        _process.WaitForExit();
        var code = _process.ExitCode;
        Dispose();
        return code;
    }

    /// <summary>Ends the program (and its children), e.g. when the pipeline is stopped with Ctrl+C.</summary>
    public void Stop()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone (or released): nothing left to stop.
        }
    }

    /// <summary>Null for exit code 0; otherwise the error that says which program failed where.</summary>
    public IpipToolsException? FailureFor(int exitCode) => exitCode == 0 ? null : new IpipToolsException(
        $"'{CommandLine}' {Namespace.Describe()} exited with code {exitCode}.",
        "NativeCommandFailed", IpipErrorCategory.NotSpecified,
        "Read the program's own error output; $LASTEXITCODE holds the code.", CommandLine);

    public void Dispose()
    {
        _process.Dispose();
        _lines.Dispose();
    }
}
