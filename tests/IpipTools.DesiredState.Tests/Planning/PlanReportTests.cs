using Xunit;
using static IpipTools.DesiredState.Tests.Planning.States;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Steps;

namespace IpipTools.DesiredState.Tests.Planning;

/// <summary>
/// A plan as text (its default view): a heading with the counts, one line per step with
/// every column of the step, and each conflict by name with why and what to do.
/// </summary>
public sealed class PlanReportTests
{
    private const string Lab = """
        { "Namespaces": [
            { "Name": "a", "Forwarding": true,
              "Veths": [ { "Name": "v1", "Peer": "p1", "PeerNamespace": "" } ],
              "Addresses": [ { "Device": "v1", "Address": "10.9.1.1/24" }, { "Device": "nope0", "Address": "10.9.9.1/24" } ],
              "Routes": [ { "Destination": "10.42.2.0/24", "Gateway": "10.9.1.2" } ] },
            { "Name": "" } ] }
        """;

    [Fact]
    public void EveryStepIsOneLineWithItsNumberActionKindNamespaceObjectAndChange()
    {
        var plan = TopologyPlanner.Plan(Desired(Lab), Read(Missing("a"), Ns("")));
        Assert.NotEmpty(plan.Steps);

        var lines = plan.ToString().Split('\n');

        foreach (var step in plan.Steps)
        {
            var line = Assert.Single(lines, l => l.TrimStart().StartsWith($"{step.Number}  ", StringComparison.Ordinal));
            var columns = line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(
                new[] { step.Number.ToString(), step.Action.ToString(), step.Kind.ToString(), step.Namespace.Length == 0 ? "(current)" : step.Namespace, step.Target, step.Reason },
                columns);
        }

        Assert.StartsWith($"Plan for namespace 'a', the current namespace: {plan.Steps.Count} steps: ", lines[0]);
        Assert.Contains("stopped by 1 conflict", lines[0]);
    }

    [Fact]
    public void EachConflictIsNamedWithWhyAndWhatToDo()
    {
        var plan = TopologyPlanner.Plan(Desired(Lab), Read(Missing("a"), Ns("")));
        var conflict = Assert.Single(plan.Conflicts);

        var text = plan.ToString();

        Assert.Contains("1 conflict, which stops the plan", text);
        Assert.Contains($"  CONFLICT 10.9.9.1/24 dev nope0 in namespace 'a'\n      why: {conflict.Problem}\n      fix: {conflict.RecommendedAction}\n", text);
    }

    [Fact]
    public void AConvergedPlanSaysSoInOneLine()
    {
        var plan = TopologyPlanner.Plan(Desired(""" { "Namespaces": [ { "Name": "a" } ] } """), Read(Ns("a")));

        Assert.Equal("Plan for namespace 'a': converged, nothing to do\n", plan.ToString());
    }

    [Fact]
    public void TheCountsFollowTheOrderOfActionsInTheHeadingAndTheSummary()
    {
        var plan = TopologyPlanner.Plan(Desired(Lab), Read(Missing("a"), Ns("")));
        var counts = PlanReport.ActionCounts(plan);

        Assert.Equal(string.Join(", ", plan.Steps.GroupBy(s => s.Action).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}")), counts);
        Assert.Contains(counts, plan.ToString().Split('\n')[0]);
        Assert.Contains(counts, plan.Summary());
    }
}
