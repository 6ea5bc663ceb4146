using System.Management.Automation;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;

namespace IpipTools.Namespaces;

/// <summary>
/// <c>ip netns exec NS PROGRAM ARGS</c>: runs a native program inside a namespace and
/// streams its output lines; each line of its standard error becomes a record of the error
/// stream, as a native command's does (2&gt;&amp;1 captures them). The program is started from a
/// short-lived thread inside the namespace (the core's NamespaceProcess); the pipeline thread
/// never moves. $LASTEXITCODE holds its exit code; a non-zero code is also an error record.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "NetNamespaceCommand")]
[OutputType(typeof(string), typeof(NamespaceCommandResult))]
public sealed class InvokeNetNamespaceCommandCommand : NamespacedCmdlet
{
    private NamespaceCommand? _running;

    [Parameter(Mandatory = true, Position = 0)]
    public string FilePath { get; set; } = string.Empty;

    /// <summary>
    /// The program's arguments. Quote those that start with '-' ('-c'): PowerShell
    /// would otherwise read them as parameter names of this cmdlet.
    /// </summary>
    [Parameter(Position = 1, ValueFromRemainingArguments = true)]
    public string[] ArgumentList { get; set; } = Array.Empty<string>();

    /// <summary>Write one result object (exit code and all output lines) instead of streaming lines.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem()
    {
        // Standard error is always captured: each line goes to the error stream (or, with
        // -PassThru, into the result), so that 2>&1 and -ErrorVariable see it.
        _running = NamespaceProcess.Start(Target, FilePath, ArgumentList, SessionState.Path.CurrentFileSystemLocation.Path, captureStandardError: true);
        if (PassThru.IsPresent)
        {
            WriteObject(_running.Complete());
        }
        else
        {
            _running.Stream(WriteObject, NativeErrorWriter(FilePath));
        }

        var exitCode = _running.Finish();
        SessionState.PSVariable.Set("global:LASTEXITCODE", exitCode);
        WriteFailure(_running.FailureFor(exitCode));
    }

    protected override void StopProcessing() => _running?.Stop();
}
