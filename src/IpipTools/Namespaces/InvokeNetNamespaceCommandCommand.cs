using System.Management.Automation;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;

namespace IpipTools.Namespaces;

/// <summary>
/// <c>ip netns exec NS PROGRAM ARGS</c>: runs a native program inside a namespace and
/// streams its output lines. The program is started from a short-lived thread inside
/// the namespace (the core's NamespaceProcess); the pipeline thread never moves.
/// $LASTEXITCODE holds its exit code; a non-zero code is also an error record.
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
        _running = NamespaceProcess.Start(Target, FilePath, ArgumentList, SessionState.Path.CurrentFileSystemLocation.Path, PassThru.IsPresent);
        WriteEach(PassThru.IsPresent ? new object[] { _running.Complete() } : _running.ReadOutput());
        var exitCode = _running.Finish();
        SessionState.PSVariable.Set("global:LASTEXITCODE", exitCode);
        WriteFailure(_running.FailureFor(exitCode));
    }

    protected override void StopProcessing() => _running?.Stop();
}
