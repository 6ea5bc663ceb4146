using System.Collections.Concurrent;
using System.Diagnostics;
using IpipTools.Core.Errors;

namespace IpipTools.Core.Namespaces;

/// <summary>
/// A native program running in a namespace (see <see cref="NamespaceProcess"/>).
/// Its standard output is read by the runtime on another thread and handed out through
/// <see cref="ReadOutput"/>, which blocks until the next line, so a caller on a
/// PowerShell pipeline thread can stream lines as they come without moving anywhere.
/// </summary>
public sealed class NamespaceCommand : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly TaskCompletionSource _errorsDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal NamespaceCommand(Process process, string commandLine, NetNamespace target, bool captureStandardError)
    {
        _process = process;
        CommandLine = commandLine;
        Namespace = target;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.CompleteAdding();
            }
            else
            {
                _lines.Add(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        if (captureStandardError)
        {
            _process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    _errorsDone.TrySetResult();
                }
                else
                {
                    _errors.Enqueue(e.Data);
                }
            };
            _process.BeginErrorReadLine();
        }
        else
        {
            _errorsDone.TrySetResult();
        }
    }

    public string CommandLine { get; }

    public NetNamespace Namespace { get; }

    public int ProcessId => _process.Id;

    /// <summary>The lines of standard output, as they come; ends when the program closes its output.</summary>
    public IEnumerable<string> ReadOutput() => _lines.GetConsumingEnumerable();

    /// <summary>Waits for the program to end (after its output has been read) and returns what it did.</summary>
    public NamespaceCommandResult Complete()
    {
        var output = _lines.GetConsumingEnumerable().ToList();
        _process.WaitForExit();
        _errorsDone.Task.Wait();
        return new NamespaceCommandResult(CommandLine, NamespaceText.NameOf(Namespace), _process.ExitCode, output, _errors.ToList());
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
        $"'{CommandLine}' {NamespaceText.Describe(Namespace)} exited with code {exitCode}.",
        "NativeCommandFailed", IpipErrorCategory.NotSpecified,
        "Read the program's own error output; $LASTEXITCODE holds the code.", CommandLine);

    public void Dispose()
    {
        _process.Dispose();
        _lines.Dispose();
    }
}
