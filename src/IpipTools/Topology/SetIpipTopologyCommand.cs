using System.Management.Automation;
using IpipTools.Core.DesiredState;

namespace IpipTools.Topology;

/// <summary>
/// Converges namespaces to a topology: plans the steps from the current state and applies
/// them, undoing everything if one fails. -WhatIf writes the plan instead; -SavePlan saves
/// it as JSON; a plan (-Plan, -PlanPath) is applied later only if the state is still the
/// one it was made against.
/// </summary>
[Cmdlet(VerbsCommon.Set, "IpipTopology", SupportsShouldProcess = true, DefaultParameterSetName = PipelineChoosesSet)]
[OutputType(typeof(ApplyResult), typeof(TopologyPlan))]
public sealed class SetIpipTopologyCommand : TopologyCmdlet
{
    public const string PlanSet = "Plan";
    public const string PlanPathSet = "PlanPath";

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PlanSet)]
    public TopologyPlan? Plan { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PlanPathSet)]
    public string? PlanPath { get; set; }

    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = DataSet)]
    public string? SavePlan { get; set; }

    protected override void ProcessItem()
    {
        var request = Request() with { Plan = Plan, PlanPath = PlanPath, SavePlan = SavePlan };
        var plan = TopologyCommands.Plan(request);
        if (TopologyCommands.ShouldApply(request) && Approve(TopologyCommands.DescribeApply(plan)))
        {
            WriteObject(TopologyCommands.Apply(plan, request, WriteVerbose));
        }
        else
        {
            WriteObject(plan);
        }
    }
}
