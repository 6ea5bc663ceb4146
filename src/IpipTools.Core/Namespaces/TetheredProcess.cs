using System.Diagnostics;

namespace IpipTools.Core.Namespaces;

/// <summary>
/// A program started in a namespace (see <see cref="NamespaceProcess.StartTethered"/>) that
/// lives only as long as its starter: its standard input is a pipe that nobody writes to, and
/// the program is expected to end when that pipe closes. The pipe closes on
/// <see cref="Dispose"/>, and also when the starting process dies however it dies, since the
/// kernel closes its end then; so no such program outlives the shell that started it.
/// Enter-NetNamespace's pwsh server is one (it waits for the end of its input).
/// </summary>
public sealed class TetheredProcess : IDisposable
{
    /// <summary>How long the program gets to end by itself once its input closes, before it is killed.</summary>
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private int _disposed;

    internal TetheredProcess(Process process, NetNamespace target)
    {
        _process = process;
        Namespace = target;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
    }

    public int Id => _process.Id;

    public NetNamespace Namespace { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Closes the program's input, waits a little for it to end, then kills what is left.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(GracePeriod))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            // Already gone: nothing left to end.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
