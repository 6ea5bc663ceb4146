using System.Management.Automation;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Topology.Hosts;

namespace IpipTools.Topology;

/// <summary>
/// Whether the namespaces are what a topology declares: $true or $false, or with -Detailed
/// each difference, as the plan steps that would repair it and the conflicts in the way.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "IpipTopology", DefaultParameterSetName = PipelineChoosesSet)]
[OutputType(typeof(bool), typeof(PlanStep), typeof(PlanConflict), typeof(HostPlan))]
public sealed class TestIpipTopologyCommand : TopologyCmdlet
{
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override void ProcessItem()
    {
        if (HostsData() is { } hostsData)
        {
            var work = HostWork(hostsData);
            if (StartedAsJob())
            {
                return;
            }

            // One plan per host; a host without one has had its error written.
            var plans = ManyHosts().Plan(work, RemoteScripts.PlanTopology);
            if (Detailed.IsPresent)
            {
                WriteEach(plans.Where(p => p.Plan is not null).Select(p => new HostPlan(p.HostName, p.Plan!)));
            }
            else
            {
                WriteObject(plans.All(p => p.Plan is { IsConverged: true }));
            }

            return;
        }

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
