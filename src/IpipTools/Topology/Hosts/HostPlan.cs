using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Steps;

namespace IpipTools.Topology.Hosts;

/// <summary>
/// One host's plan, made on that host by its own planner and brought back: what
/// -WhatIf writes for a topology over many hosts, one object per host, the host named.
/// </summary>
public sealed class HostPlan
{
    public HostPlan(string hostName, TopologyPlan plan)
    {
        HostName = hostName;
        Plan = plan;
    }

    public string HostName { get; }

    public TopologyPlan Plan { get; }

    public IReadOnlyList<PlanStep> Steps => Plan.Steps;

    public IReadOnlyList<PlanConflict> Conflicts => Plan.Conflicts;

    public bool IsConverged => Plan.IsConverged;

    public override string ToString() => $"{HostName}: {Plan.Summary()}";
}
