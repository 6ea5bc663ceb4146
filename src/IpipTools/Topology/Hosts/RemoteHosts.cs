using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace IpipTools.Topology.Hosts;

/// <summary>
/// The sessions to the hosts of one command: the ones the user gave, and the ones opened
/// here over SSH (closed again on Dispose). Runs a script on many hosts at once, through
/// PowerShell's own remoting (Invoke-Command -AsJob per session, run in the caller's
/// runspace), so whatever PowerShell remoting reaches, this reaches.
/// </summary>
internal sealed class RemoteHosts : IDisposable
{
    private readonly List<PSSession> _opened = new();

    private RemoteHosts()
    {
    }

    /// <summary>The session of each reachable host, by host name.</summary>
    public Dictionary<string, PSSession> Sessions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why each unreachable host could not be reached, by host name.</summary>
    public Dictionary<string, string> Unreachable { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A session for each host: the user's, or one opened now, <paramref name="throttleLimit"/>
    /// at a time. A host that cannot be reached is recorded, not thrown. <paramref name="progress"/>
    /// is told how many of the sessions to open have been tried.
    /// </summary>
    public static RemoteHosts Connect(IEnumerable<string> hostNames, HostAccess access, int throttleLimit, Action<int, int> progress)
    {
        var hosts = new RemoteHosts();
        var toOpen = new List<string>();
        foreach (var name in hostNames)
        {
            if (access.SessionFor(name) is { } given)
            {
                hosts.Sessions[name] = given;
            }
            else
            {
                toOpen.Add(name);
            }
        }

        // New-PSSession -HostName opens all the hosts it is given at once and has no -ThrottleLimit of its own.
        var tried = 0;
        foreach (var batch in toOpen.Chunk(throttleLimit))
        {
            progress(tried, toOpen.Count);
            hosts.Open(batch, access);
            tried += batch.Length;
        }

        return hosts;
    }

    /// <summary>Opens a session to each of <paramref name="names"/> at once; a host that cannot be reached is recorded, not thrown.</summary>
    private void Open(IReadOnlyList<string> names, HostAccess access)
    {
        var (output, errors) = Run(RemoteScripts.OpenSessions, names.ToArray(), access.UserName, access.KeyFilePath, access.SshOption);
        var opened = output.Select(o => o.BaseObject).OfType<PSSession>().ToList();
        _opened.AddRange(opened);
        foreach (var name in names)
        {
            // A session knows the host it was opened to (its ComputerName); a failure names it in its target or its text.
            if (opened.FirstOrDefault(s => string.Equals(s.ComputerName, HostPart(name), StringComparison.OrdinalIgnoreCase)) is { } session)
            {
                Sessions[name] = session;
                continue;
            }

            var error = errors.FirstOrDefault(e => string.Equals(e.TargetObject?.ToString(), name, StringComparison.OrdinalIgnoreCase))
                ?? errors.FirstOrDefault(e => e.ToString().Contains(HostPart(name), StringComparison.OrdinalIgnoreCase))
                ?? (errors.Count == 1 ? errors[0] : null);
            Unreachable[name] = error is null ? "no session was opened" : Describe(error);
        }
    }

    /// <summary>
    /// Runs <paramref name="script"/> on each host of <paramref name="arguments"/> (host name →
    /// its arguments), at most <paramref name="throttleLimit"/> hosts at a time, and returns
    /// what each wrote, or why it failed. <paramref name="progress"/> is told, on this thread,
    /// how many hosts are done, a few times a second while they run.
    /// </summary>
    public Dictionary<string, RemoteOutcome> RunEverywhere(string script, IReadOnlyDictionary<string, object?[]> arguments, int throttleLimit, Action<int, int> progress)
    {
        var waiting = new Queue<string>(arguments.Keys);
        var running = new Dictionary<Job, string>();
        var outcomes = new Dictionary<string, RemoteOutcome>(StringComparer.OrdinalIgnoreCase);
        if (waiting.Count == 0)
        {
            // Nothing to run (every host already converged): no progress to show either.
            return outcomes;
        }

        try
        {
            while (waiting.Count > 0 || running.Count > 0)
            {
                while (waiting.Count > 0 && running.Count < throttleLimit)
                {
                    var name = waiting.Dequeue();
                    var (started, errors) = Run(RemoteScripts.StartJob, Sessions[name], script, arguments[name]);
                    if (started.Select(o => o.BaseObject).OfType<Job>().FirstOrDefault() is { } job)
                    {
                        running[job] = name;
                    }
                    else
                    {
                        outcomes[name] = new RemoteOutcome(Array.Empty<object?>(), errors.Count > 0 ? Describe(errors[0]) : "the remoting job did not start");
                    }
                }

                progress(outcomes.Count, arguments.Count);
                if (running.Count == 0)
                {
                    continue;
                }

                // Woken by the first job to finish, or after a moment to report progress; WaitAny takes at most 64 handles.
                WaitHandle.WaitAny(running.Keys.Take(64).Select(j => j.Finished).ToArray(), TimeSpan.FromMilliseconds(250));
                foreach (var (job, name) in running.Where(r => r.Key.Finished.WaitOne(0)).ToList())
                {
                    running.Remove(job);
                    outcomes[name] = Receive(job);
                }
            }
        }
        finally
        {
            // Stopped half-way (Ctrl+C, a write that failed): no host goes on working for a command
            // that is gone. A host stopped while applying undoes its own steps, as on any failure.
            foreach (var job in running.Keys)
            {
                job.StopJob();
            }
        }

        progress(outcomes.Count, arguments.Count);
        return outcomes;
    }

    /// <summary>What a finished remoting job wrote and the first error it raised; the job is removed.</summary>
    private static RemoteOutcome Receive(Job job)
    {
        var (received, errors) = Run(RemoteScripts.ReceiveJob, job);
        if (errors.Count > 0 || received.Count != 1)
        {
            return new RemoteOutcome(Array.Empty<object?>(), errors.Count > 0 ? Describe(errors[0]) : "the remoting job returned no result");
        }

        var output = ((IEnumerable<object>?)(received[0].Properties["Output"].Value as object[]) ?? Array.Empty<object>()).Select(Unwrap).ToList();
        var failures = (received[0].Properties["Errors"].Value as object[]) ?? Array.Empty<object>();
        var error = failures.Select(Unwrap).OfType<ErrorRecord>().FirstOrDefault();
        return new RemoteOutcome(output, error is null ? null : Describe(error));
    }

    public void Dispose()
    {
        if (_opened.Count > 0)
        {
            Run(RemoteScripts.CloseSessions, (object)_opened.Cast<object>().ToArray());
        }
    }

    /// <summary>A script in the caller's runspace (where its sessions and jobs live), its output and its errors.</summary>
    private static (Collection<PSObject> Output, IReadOnlyList<ErrorRecord> Errors) Run(string script, params object?[] arguments)
    {
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddScript(script, useLocalScope: true);
        foreach (var argument in arguments)
        {
            shell.AddArgument(argument);
        }

        try
        {
            var output = shell.Invoke();
            return (output, shell.Streams.Error.ToList());
        }
        catch (RuntimeException e)
        {
            return (new Collection<PSObject>(), new[] { e.ErrorRecord });
        }
    }

    /// <summary>The host of "user@host" (what a session's ComputerName holds).</summary>
    private static string HostPart(string name) => name[(name.LastIndexOf('@') + 1)..];

    private static object? Unwrap(object? value) => value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : value;

    /// <summary>An error as one line: its message (remote errors carry the remote message).</summary>
    private static string Describe(ErrorRecord error) =>
        (error.ErrorDetails?.Message is { Length: > 0 } details ? details : error.Exception?.Message ?? error.ToString()).Trim();
}

/// <summary>What one host wrote when it ran a script, or why it failed (<see cref="Error"/> null when it did not).</summary>
internal sealed record RemoteOutcome(IReadOnlyList<object?> Output, string? Error);
