using IpipTools.Core.Rtnl;
using System.Diagnostics;
using IpipTools.Core.Errors;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// Applies a plan: refuses one with conflicts or one made against state that has since
/// changed, sends the steps in order (runs of route steps as batches), records the inverse
/// of every step that succeeded, and on any failure undoes them all, newest first, so the
/// namespaces are left as they were found.
/// </summary>
public static class PlanApplier
{
    public static ApplyResult Apply(TopologyPlan plan, ClientPool clients, ApplyOptions? options = null)
    {
        options ??= ApplyOptions.Default;
        if (plan.Conflicts.Count > 0)
        {
            throw new TopologyConflictException(plan.Conflicts);
        }

        if (options.CheckFingerprint)
        {
            RequireUnchanged(plan, clients);
        }

        var clock = Stopwatch.StartNew();
        var requestsBefore = clients.ChangeRequestCount;
        var executor = new StepExecutor(clients);
        var undo = new List<PlanStep>();
        foreach (var run in Runs(plan.Steps))
        {
            // Any failure, whatever its type, is undone: a half-applied topology is the one outcome never to leave.
            try
            {
                foreach (var step in run)
                {
                    options.BeforeStep?.Invoke(step);
                }

                if (run[0].Kind == PlanObjectKind.Route)
                {
                    executor.ExecuteRoutes(run, undo.Add);
                }
                else
                {
                    executor.Execute(run[0], restoring: false, undo.Add);
                }
            }
            catch (Exception e)
            {
                var failed = e is RouteStepException r ? r.Step : run[0];
                var cause = e is RouteStepException ? e.InnerException! : e;
                var rollbackFailures = Undo(undo, executor);
                throw new TopologyApplyException(failed, undo.Count, rollbackFailures, cause);
            }
        }

        return new ApplyResult(plan, plan.Steps.Count, clients.ChangeRequestCount - requestsBefore, clock.Elapsed);
    }

    /// <summary>Reads the plan's namespaces again and compares their digest with the plan's.</summary>
    public static void RequireUnchanged(TopologyPlan plan, ClientPool clients)
    {
        var now = StateFingerprint.Compute(StateReader.Read(plan.Namespaces, clients));
        if (now != plan.Fingerprint)
        {
            throw new IpipToolsException(
                $"The plan was made on {plan.CreatedUtc:u} against a state of {string.Join(", ", plan.Namespaces.Select(TopologyNamespace.Describe))} that has changed since; its steps may no longer be right, so nothing was applied.",
                "PlanStale", IpipErrorCategory.InvalidOperation,
                "Make the plan again (Set-IpipTopology -WhatIf) and review it, then apply the new one.", plan);
        }
    }

    /// <summary>Undoes recorded steps newest first, carrying on past failures; returns what could not be undone.</summary>
    private static List<string> Undo(List<PlanStep> undo, StepExecutor executor)
    {
        var failures = new List<string>();
        var reversed = Enumerable.Reverse(undo).ToList();
        foreach (var run in Runs(reversed))
        {
            try
            {
                if (run[0].Kind == PlanObjectKind.Route)
                {
                    executor.ExecuteRoutes(run, _ => { });
                }
                else
                {
                    executor.Execute(run[0], restoring: true, _ => { });
                }
            }
            catch (Exception e)
            {
                var step = e is RouteStepException r ? r.Step : run[0];
                failures.Add($"[{step.Action} {step.Kind} {step.Target} in {TopologyNamespace.Describe(step.Namespace)}: {e.Message}]");
            }
        }

        return failures;
    }

    /// <summary>
    /// Splits steps into what is sent together: consecutive route steps of one namespace and
    /// one action form one batch; every other step is sent on its own.
    /// </summary>
    internal static IEnumerable<List<PlanStep>> Runs(IReadOnlyList<PlanStep> steps)
    {
        var run = new List<PlanStep>();
        foreach (var step in steps)
        {
            var joins = run.Count > 0 && step.Kind == PlanObjectKind.Route && run[0].Kind == PlanObjectKind.Route
                && run[0].Namespace == step.Namespace && run[0].Action == step.Action;
            if (!joins && run.Count > 0)
            {
                yield return run;
                run = new List<PlanStep>();
            }

            run.Add(step);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }
}
