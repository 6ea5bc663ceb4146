using System.Management.Automation;
using IpipTools.Core.DesiredState.Apply;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.Errors;
using IpipTools.Topology.Hosts;

namespace IpipTools.Topology;

/// <summary>
/// Converges namespaces to a topology: plans the steps from the current state and applies
/// them, undoing everything if one fails. -WhatIf writes the plan instead; -SavePlan saves
/// it as JSON; a plan (-Plan, -PlanPath) is applied later only if the state is still the
/// one it was made against. Data with a Hosts section is converged on each host it names,
/// over PowerShell remoting (<see cref="ManyHostConvergence"/>).
/// </summary>
[Cmdlet(VerbsCommon.Set, "IpipTopology", SupportsShouldProcess = true, DefaultParameterSetName = PipelineChoosesSet)]
[OutputType(typeof(ApplyResult), typeof(TopologyPlan), typeof(HostResult), typeof(HostPlan))]
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
        if (HostsData() is { } hostsData)
        {
            if (SavePlan is not null)
            {
                throw new IpipToolsException("-SavePlan saves one machine's plan; a topology that names hosts is planned on each host.", "TopologyHostsSavePlan", IpipErrorCategory.InvalidArgument,
                    "Use -WhatIf to see each host's plan (one object per host), or leave Hosts out and save the plan on each host.");
            }

            var work = HostWork(hostsData);
            if (!StartedAsJob())
            {
                ManyHosts().Converge(work, RemoteScripts.PlanTopology);
            }

            return;
        }

        var given = Plan ?? (PlanPath is not null ? TopologyPlan.FromJson(File.ReadAllText(FileSystemPath(PlanPath))) : null);
        var plan = given ?? PlanTopology();
        if (SavePlan is not null)
        {
            // Saving is all -SavePlan asks for; the plan is applied later, with -PlanPath.
            File.WriteAllText(FileSystemPath(SavePlan), plan.ToJson());
            WriteObject(plan);
            return;
        }

        PlanApproval.ApplyIfApproved(this, plan, Clients, given: given is not null);
    }
}
