using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace IpipTools.Topology.Hosts;

/// <summary>
/// The sessions to the hosts of one command: the ones the user gave, and the ones opened
/// here over SSH (closed again on Dispose). Runs a script on every host at once, through
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

    /// <summary>A session for each host: the user's, or one opened now. A host that cannot be reached is recorded, not thrown.</summary>
    public static RemoteHosts Connect(IEnumerable<string> hostNames, HostAccess access)
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

        if (toOpen.Count == 0)
        {
            return hosts;
        }

        var (output, errors) = Run(RemoteScripts.OpenSessions, toOpen.ToArray(), access.UserName, access.KeyFilePath, access.SshOption);
        var opened = output.Select(o => o.BaseObject).OfType<PSSession>().ToList();
        hosts._opened.AddRange(opened);
        foreach (var name in toOpen)
        {
            // A session knows the host it was opened to (its ComputerName); a failure names it in its target or its text.
            if (opened.FirstOrDefault(s => string.Equals(s.ComputerName, HostPart(name), StringComparison.OrdinalIgnoreCase)) is { } session)
            {
                hosts.Sessions[name] = session;
                continue;
            }

            var error = errors.FirstOrDefault(e => string.Equals(e.TargetObject?.ToString(), name, StringComparison.OrdinalIgnoreCase))
                ?? errors.FirstOrDefault(e => e.ToString().Contains(HostPart(name), StringComparison.OrdinalIgnoreCase))
                ?? (errors.Count == 1 ? errors[0] : null);
            hosts.Unreachable[name] = error is null ? "no session was opened" : Describe(error);
        }

        return hosts;
    }

    /// <summary>
    /// Runs <paramref name="script"/> on each host of <paramref name="arguments"/> (host name →
    /// its arguments) at the same time, and returns what each wrote, or why it failed.
    /// </summary>
    public Dictionary<string, RemoteOutcome> RunEverywhere(string script, IReadOnlyDictionary<string, object?[]> arguments)
    {
        var names = arguments.Keys.ToList();
        var outcomes = new Dictionary<string, RemoteOutcome>(StringComparer.OrdinalIgnoreCase);
        if (names.Count == 0)
        {
            return outcomes;
        }

        var (results, errors) = Run(RemoteScripts.FanOut,
            names.Select(n => (object)Sessions[n]).ToArray(), script, names.Select(n => (object)arguments[n]).ToArray());
        if (errors.Count > 0 || results.Count != names.Count)
        {
            var why = errors.Count > 0 ? Describe(errors[0]) : "the remoting jobs returned no result";
            return names.ToDictionary(n => n, _ => new RemoteOutcome(Array.Empty<object?>(), why), StringComparer.OrdinalIgnoreCase);
        }

        for (var i = 0; i < names.Count; i++)
        {
            var output = ((IEnumerable<object>?)(results[i].Properties["Output"].Value as object[]) ?? Array.Empty<object>()).Select(Unwrap).ToList();
            var failures = (results[i].Properties["Errors"].Value as object[]) ?? Array.Empty<object>();
            var error = failures.Select(Unwrap).OfType<ErrorRecord>().FirstOrDefault();
            outcomes[names[i]] = new RemoteOutcome(output, error is null ? null : Describe(error));
        }

        return outcomes;
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
