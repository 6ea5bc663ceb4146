using System.Management.Automation;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Steps;

namespace IpipTools.Topology;

/// <summary>
/// Whether the namespaces are what a topology declares: $true or $false, or with -Detailed
/// each difference, as the plan steps that would repair it and the conflicts in the way.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "IpipTopology", DefaultParameterSetName = PipelineChoosesSet)]
[OutputType(typeof(bool), typeof(PlanStep), typeof(PlanConflict))]
public sealed class TestIpipTopologyCommand : TopologyCmdlet
{
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override void ProcessItem()
    {
        var plan = PlanTopology();
        if (Detailed.IsPresent)
        {
            WriteEach(plan.Steps.Cast<object>().Concat(plan.Conflicts));
        }
        else
        {
            WriteObject(plan.IsConverged);
        }
    }
}
