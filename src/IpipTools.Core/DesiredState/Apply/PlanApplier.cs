using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using System.Diagnostics;
using IpipTools.Core.Errors;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.State;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Apply;

/// <summary>
/// Applies a plan: refuses one with conflicts or one made against state that has since
/// changed, sends the steps in order (runs of route steps and of link creations as batches), records the inverse
/// of every step that succeeded, and on any failure undoes them all, newest first, so the
/// namespaces are left as they were found.
/// </summary>
internal static class PlanApplier
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
        var context = new StepContext(clients);
        var undo = new List<PlanStep>();
        var done = 0;
        options.Progress?.Report(new ApplyProgress(0, plan.Steps.Count, clock.Elapsed));
        foreach (var run in Runs(plan.Steps))
        {
            // Any failure, whatever its type, is undone: a half-applied topology is the one outcome never to leave.
            try
            {
                foreach (var step in run)
                {
                    options.BeforeStep?.Invoke(step);
                }

                Send(context, run, undo.Add);
            }
            catch (Exception e)
            {
                // A step of the plan that is made of others (a recreation: a removal and a
                // creation) fails as itself, not as the part of it that failed.
                var (failed, cause) = e is StepFailedException f ? (run.Contains(f.Step) ? f.Step : run[0], f.Error) : (run[0], e);
                var rollbackFailures = Undo(undo, context);
                throw new TopologyApplyException(failed, undo.Count, rollbackFailures, cause);
            }

            done += run.Count;
            options.Progress?.Report(new ApplyProgress(done, plan.Steps.Count, clock.Elapsed));
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
                $"The plan was made on {plan.CreatedUtc:u} against a state of {string.Join(", ", plan.Namespaces.Select(NetNamespace.InWords))} that has changed since; its steps may no longer be right, so nothing was applied.",
                "PlanStale", IpipErrorCategory.InvalidOperation,
                "Make the plan again (Set-IpipTopology -WhatIf) and review it, then apply the new one.", plan);
        }
    }

    /// <summary>Undoes recorded steps newest first, carrying on past failures; returns what could not be undone.</summary>
    private static List<string> Undo(List<PlanStep> undo, StepContext context)
    {
        var failures = new List<string>();
        foreach (var run in Runs(Enumerable.Reverse(undo).ToList()))
        {
            try
            {
                Send(context, run, _ => { });
            }
            catch (Exception e)
            {
                var step = e is StepFailedException f && run.Contains(f.Step) ? f.Step : run[0];
                failures.Add($"[{step.Action} {step.Kind} {step.Target} in {NetNamespace.InWords(step.Namespace)}: {e.Message}]");
            }
        }

        return failures;
    }

    /// <summary>Applies a run: a batch of route steps, a batch of link creations, or one step of any other kind.</summary>
    private static void Send(StepContext context, List<PlanStep> run, Action<PlanStep> undo)
    {
        switch (run[0])
        {
            case RouteStep when run.Count > 1:
                RouteStep.ApplyBatch(context, run.Cast<RouteStep>().ToList(), undo);
                break;
            case LinkCreationStep when run.Count > 1:
                LinkCreationStep.ApplyBatch(context, run.Cast<LinkCreationStep>().ToList(), undo);
                break;
            default:
                run[0].Apply(context, undo);
                break;
        }
    }

    /// <summary>
    /// Splits steps into what is sent together: consecutive route steps of one kind in one
    /// namespace form one batch, and so do consecutive link creations that need no link made
    /// among them (see <see cref="LinkCreationStep.BatchesWith"/>); every other step is sent on its own.
    /// </summary>
    internal static IEnumerable<List<PlanStep>> Runs(IReadOnlyList<PlanStep> steps)
    {
        var run = new List<PlanStep>();
        foreach (var step in steps)
        {
            if (run.Count > 0 && !JoinsRun(run, step))
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

    private static bool JoinsRun(List<PlanStep> run, PlanStep step) => step switch
    {
        RouteStep => run[0] is RouteStep first && first.BatchesWith(step),
        LinkCreationStep creation => creation.BatchesWith(run),
        _ => false,
    };
}
