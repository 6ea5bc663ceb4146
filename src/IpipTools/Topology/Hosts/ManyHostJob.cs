using System.Management.Automation;
using System.Management.Automation.Runspaces;
using IpipTools.Core.Errors;

namespace IpipTools.Topology.Hosts;

/// <summary>
/// -AsJob: the same command, without -AsJob, run in a runspace of its own on another thread,
/// as a job in the session's job table, so Get-Job, Wait-Job, Receive-Job, Stop-Job and
/// Remove-Job work on it as on Invoke-Command's jobs. The runspace imports this module
/// from where the caller's came from and starts in the caller's location, so relative paths
/// (-Path, -KeyFilePath) mean what they meant to the caller. Its output, errors, warnings,
/// verbose and progress records are the job's, as Receive-Job shows them.
/// </summary>
internal sealed class ManyHostJob : Job
{
    private readonly PowerShell _shell;

    private ManyHostJob(string command, PowerShell shell)
        : base(command)
    {
        PSJobTypeName = "IpipToolsJob";
        _shell = shell;
        _shell.Streams.Error = Error;
        _shell.Streams.Warning = Warning;
        _shell.Streams.Verbose = Verbose;
        _shell.Streams.Debug = Debug;
        _shell.Streams.Information = Information;
        _shell.Streams.Progress = Progress;
    }

    public override string StatusMessage => string.Empty;

    public override bool HasMoreData =>
        Output.Count > 0 || Error.Count > 0 || Warning.Count > 0 || Verbose.Count > 0 || Debug.Count > 0 || Information.Count > 0 || Progress.Count > 0;

    public override string Location => Environment.MachineName;

    /// <summary>
    /// With -AsJob, starts the command as a job and writes it (true); otherwise does nothing
    /// (false). A job has no console to ask on, so -Confirm is refused before anything starts.
    /// </summary>
    public static bool StartIfAsked(PSCmdlet cmdlet, bool asJob)
    {
        if (!asJob)
        {
            return false;
        }

        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && confirm is SwitchParameter { IsPresent: true })
        {
            throw new IpipToolsException("-Confirm cannot ask from a job: a job has no console to answer on.", "AsJobConfirm", IpipErrorCategory.InvalidArgument,
                "Review the plans first with -WhatIf (it works with -AsJob too), then run the command with -AsJob and without -Confirm.");
        }

        cmdlet.WriteObject(Start(cmdlet));
        return true;
    }

    /// <summary>
    /// Starts <paramref name="cmdlet"/>'s own command with the parameters it was given, but
    /// -AsJob, as a job added to the session's job table, and returns it.
    /// </summary>
    private static ManyHostJob Start(PSCmdlet cmdlet)
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(new[] { cmdlet.MyInvocation.MyCommand.Module?.Path ?? typeof(ManyHostJob).Assembly.Location });
        var shell = PowerShell.Create(state);
        shell.AddCommand("Set-Location").AddParameter("LiteralPath", cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath).AddStatement();
        shell.AddCommand(cmdlet.MyInvocation.MyCommand.Name);
        foreach (var (name, value) in cmdlet.MyInvocation.BoundParameters)
        {
            if (!string.Equals(name, "AsJob", StringComparison.OrdinalIgnoreCase))
            {
                shell.AddParameter(name, value);
            }
        }

        var job = new ManyHostJob(cmdlet.MyInvocation.Line.Trim(), shell);
        cmdlet.JobRepository.Add(job);
        job.SetJobState(JobState.Running);
        shell.InvocationStateChanged += job.OnInvocationStateChanged;
        shell.BeginInvoke<PSObject, PSObject>(null, job.Output);
        return job;
    }

    public override void StopJob()
    {
        if (JobStateInfo.State is not (JobState.Completed or JobState.Failed or JobState.Stopped))
        {
            _shell.Stop();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _shell.Dispose();
        }

        base.Dispose(disposing);
    }

    private void OnInvocationStateChanged(object? sender, PSInvocationStateChangedEventArgs e)
    {
        var state = e.InvocationStateInfo.State switch
        {
            PSInvocationState.Completed => JobState.Completed,
            PSInvocationState.Failed => JobState.Failed,
            PSInvocationState.Stopped => JobState.Stopped,
            _ => (JobState?)null,
        };
        if (state is { } finished)
        {
            if (e.InvocationStateInfo.Reason is { } reason && finished == JobState.Failed)
            {
                Error.Add(reason is IContainsErrorRecord record ? record.ErrorRecord : new ErrorRecord(reason, "ManyHostJobFailed", ErrorCategory.NotSpecified, null));
            }

            // The runspace goes with the PowerShell that made it, when the job is removed (Dispose).
            SetJobState(finished);
        }
    }
}
