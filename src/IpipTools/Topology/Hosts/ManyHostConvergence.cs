using System.Management.Automation;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.Errors;
using IpipTools.Infrastructure;

namespace IpipTools.Topology.Hosts;

/// <summary>
/// One topology over many hosts, in two phases, each with progress and at most -ThrottleLimit
/// hosts at a time. First every host plans with its own copy of the module (its planner reads
/// its own state). If any host cannot be reached or planned, or its plan has conflicts,
/// nothing is applied anywhere: each such host gets an error of its own, and the others are
/// reported NotApplied. Otherwise the approved plans are applied, again in parallel, each
/// host atomically (a step that fails is undone on that host). Hosts already changed are not rolled back when another host
/// fails: the results state plainly which hosts changed and which did not, and one error
/// names both lists.
/// </summary>
public sealed class ManyHostConvergence
{
    /// <summary>Invoke-Command's default: how many hosts are worked on at once when -ThrottleLimit is not given (or is 0).</summary>
    public const int DefaultThrottleLimit = 32;

    // Apart from a plan's own apply (ApplyProgressWriter's), which never runs here: the hosts apply remotely.
    private const int ProgressActivityId = 2;

    private readonly PSCmdlet _cmdlet;
    private readonly HostAccess _access;
    private readonly int _throttleLimit;

    public ManyHostConvergence(PSCmdlet cmdlet, HostAccess access, int throttleLimit)
    {
        _cmdlet = cmdlet;
        _access = access;
        _throttleLimit = throttleLimit > 0 ? throttleLimit : DefaultThrottleLimit;
    }

    /// <summary>Every host's plan, or why it has none. Errors are written for hosts without a plan.</summary>
    public IReadOnlyList<PlannedHost> Plan(IReadOnlyList<HostWork> work, string planScript)
    {
        using var hosts = Connect(work);
        return Plan(work, planScript, hosts);
    }

    /// <summary>Plans every host, then applies the approved plans; writes a HostPlan per host under -WhatIf, a HostResult per host otherwise.</summary>
    public void Converge(IReadOnlyList<HostWork> work, string planScript)
    {
        using var hosts = Connect(work);
        var whatIf = IsWhatIf();
        var plans = Plan(work, planScript, hosts);
        if (!whatIf)
        {
            // A plan with conflicts cannot be applied; under -WhatIf it is shown as it is.
            for (var i = 0; i < plans.Count; i++)
            {
                if (plans[i].Plan is { Conflicts.Count: > 0 } conflicted)
                {
                    plans[i] = Failure(plans[i].HostName, HostStatus.Failed, "HostPlanConflict", $"its plan has conflicts: {string.Join("; ", conflicted.Conflicts)}",
                        "Resolve the conflicts on that host (the same command with -WhatIf shows each host's plan with its conflicts), then run the command again.");
                }
            }
        }

        if (plans.Any(p => p.Plan is null))
        {
            foreach (var (hostName, _, _, status, error) in plans)
            {
                _cmdlet.WriteObject(new HostResult { HostName = hostName, Status = error.Length > 0 ? status : HostStatus.NotApplied, Error = error, PlannedSteps = 0 });
            }

            return;
        }

        var toApply = new Dictionary<string, object?[]>(StringComparer.OrdinalIgnoreCase);
        var results = new Dictionary<string, HostResult>(StringComparer.OrdinalIgnoreCase);
        foreach (var (hostName, plan, json, _, _) in plans)
        {
            if (plan!.Steps.Count == 0 && plan.Conflicts.Count == 0)
            {
                results[hostName] = new HostResult { HostName = hostName, Status = HostStatus.Unchanged };
                if (whatIf)
                {
                    _cmdlet.WriteObject(new HostPlan(hostName, plan));
                }
            }
            else if (_cmdlet.ShouldProcess($"host {hostName}: {string.Join(", ", plan.Namespaces.Select(Core.Namespaces.NetNamespace.InWords))}", plan.Summary()))
            {
                toApply[hostName] = new object?[] { json };
            }
            else
            {
                _cmdlet.WriteObject(new HostPlan(hostName, plan));
                results[hostName] = new HostResult { HostName = hostName, Status = HostStatus.NotApplied, PlannedSteps = plan.Steps.Count };
            }
        }

        if (whatIf)
        {
            return;
        }

        foreach (var (hostName, outcome) in RunEverywhere(hosts, "Applying", RemoteScripts.ApplyPlan, toApply))
        {
            var planned = plans.First(p => string.Equals(p.HostName, hostName, StringComparison.OrdinalIgnoreCase)).Plan!.Steps.Count;
            if (outcome.Error is null && outcome.Output.FirstOrDefault() is PSObject applied)
            {
                results[hostName] = new HostResult
                {
                    HostName = hostName,
                    Status = HostStatus.Changed,
                    PlannedSteps = planned,
                    StepsApplied = Convert.ToInt32(applied.Properties["StepsApplied"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    ChangeRequests = Convert.ToInt64(applied.Properties["ChangeRequests"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    Duration = TimeSpan.FromMilliseconds(Convert.ToDouble(applied.Properties["Milliseconds"].Value, System.Globalization.CultureInfo.InvariantCulture)),
                    Started = applied.Properties["Started"].Value is DateTime started ? started.ToUniversalTime() : null,
                };
            }
            else
            {
                results[hostName] = new HostResult { HostName = hostName, Status = HostStatus.Failed, PlannedSteps = planned, Error = outcome.Error ?? "the host returned no result" };
            }
        }

        var ordered = plans.Select(p => results[p.HostName]).ToList();
        var failed = ordered.Where(r => r.Status == HostStatus.Failed).ToList();
        if (failed.Count > 0)
        {
            var changed = ordered.Where(r => r.Changed).Select(r => r.HostName).ToList();
            var unchanged = ordered.Where(r => !r.Changed).Select(r => r.HostName).ToList();
            _cmdlet.WriteError(ErrorRecords.From(new IpipToolsException(
                $"The topology failed on {Names(failed.Select(r => r.HostName))} ({string.Join("; ", failed.Select(r => $"{r.HostName}: {r.Error}"))}). " +
                $"Changed: {(changed.Count == 0 ? "no host" : Names(changed))}. Not changed: {Names(unchanged)}. Each failed host undid its own steps; hosts already changed stay changed.",
                "ManyHostsPartlyApplied", IpipErrorCategory.InvalidOperation,
                "Fix what the failed hosts report, then run the same command again: the changed hosts plan no steps the second time.",
                failed.Select(r => r.HostName).ToArray())));
        }

        foreach (var result in ordered)
        {
            _cmdlet.WriteObject(result);
        }
    }

    private List<PlannedHost> Plan(IReadOnlyList<HostWork> work, string planScript, RemoteHosts hosts)
    {
        var outcomes = RunEverywhere(hosts, "Planning", planScript, work.Where(w => hosts.Sessions.ContainsKey(w.HostName)).ToDictionary(w => w.HostName, w => w.PlanArguments, StringComparer.OrdinalIgnoreCase));
        var plans = new List<PlannedHost>();
        foreach (var item in work)
        {
            if (hosts.Unreachable.TryGetValue(item.HostName, out var why))
            {
                plans.Add(Failure(item.HostName, HostStatus.Unreachable, "HostUnreachable", $"cannot open a PowerShell session to it: {why}",
                    "Check that the host runs sshd with the PowerShell subsystem and that the user, key (-KeyFilePath) and ssh options (-SshOption) reach it, or give a session with -Session."));
                continue;
            }

            var outcome = outcomes[item.HostName];
            var json = outcome.Output.OfType<string>().FirstOrDefault();
            if (outcome.Error is not null || json is null)
            {
                plans.Add(Failure(item.HostName, HostStatus.Failed, "HostPlanFailed", $"it could not plan: {outcome.Error ?? "it returned no plan"}",
                    "Check that IpipTools is installed on the host (Import-Module IpipTools must work there) and fix the topology for it."));
                continue;
            }

            plans.Add(PlannedHost.Planned(item.HostName, json));
        }

        return plans;
    }

    /// <summary>A host without a plan: its error is written now, saying that no host is changed.</summary>
    private PlannedHost Failure(string hostName, HostStatus status, string errorId, string problem, string action)
    {
        var message = $"Host '{hostName}': {problem}. No host was changed: a topology over many hosts is applied only when every host has a plan.";
        _cmdlet.WriteError(ErrorRecords.From(new IpipToolsException(message, errorId, IpipErrorCategory.ResourceUnavailable, action, hostName)));
        return PlannedHost.Unplanned(hostName, status, problem);
    }

    /// <summary>A session to each host, <see cref="_throttleLimit"/> opened at a time, with progress.</summary>
    private RemoteHosts Connect(IReadOnlyList<HostWork> work)
    {
        var progress = new ProgressWriter(_cmdlet, ProgressActivityId, Activity(work.Count));
        try
        {
            return RemoteHosts.Connect(work.Select(w => w.HostName), _access, _throttleLimit,
                (done, total) => progress.Report(done, total, $"Opening sessions: {done} of {total} hosts tried"));
        }
        finally
        {
            progress.Complete();
        }
    }

    /// <summary>A script on each host, <see cref="_throttleLimit"/> at a time, with progress and an estimate of the time left.</summary>
    private Dictionary<string, RemoteOutcome> RunEverywhere(RemoteHosts hosts, string phase, string script, IReadOnlyDictionary<string, object?[]> arguments)
    {
        var progress = new ProgressWriter(_cmdlet, ProgressActivityId, Activity(hosts.Sessions.Count + hosts.Unreachable.Count));
        try
        {
            return hosts.RunEverywhere(script, arguments, _throttleLimit,
                (done, total) => progress.Report(done, total, $"{phase}: {done} of {total} hosts done"));
        }
        finally
        {
            progress.Complete();
        }
    }

    private string Activity(int hosts) => $"{_cmdlet.MyInvocation.MyCommand.Name} on {hosts} hosts";

    private bool IsWhatIf() =>
        _cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value) ? value is SwitchParameter { IsPresent: true }
        : _cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference") is { } preference && LanguagePrimitives.IsTrue(preference);

    private static string Names(IEnumerable<string> names) => string.Join(", ", names);
}
