using System.Management.Automation;
using IpipTools.Core.DesiredState;

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

    protected override void ProcessItem() => WriteEach(TopologyCommands.Test(Request(), Detailed.IsPresent));
}
