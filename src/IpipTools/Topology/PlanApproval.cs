using IpipTools.Core.Namespaces;
using System.Management.Automation;
using IpipTools.Core.DesiredState;
using IpipTools.Core.DesiredState.Apply;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.Rtnl;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Topology;

/// <summary>What Set-IpipTopology and Set-IpipMesh share once they have a plan: -WhatIf/-Confirm for it, then applying it.</summary>
internal static class PlanApproval
{
    /// <summary>
    /// Applies <paramref name="plan"/> through <paramref name="connections"/> if the user
    /// approves (writing each step as verbose output before it is sent, and progress for a
    /// long plan) and writes the result; otherwise writes the plan. A plan that was given rather than made just now
    /// (<paramref name="given"/>) is first checked against the namespaces' state.
    /// </summary>
    public static void ApplyIfApproved(PSCmdlet cmdlet, TopologyPlan plan, ClientPool connections, bool given)
    {
        var target = string.Join(", ", plan.Namespaces.Select(NetNamespace.InWords));
        if (!cmdlet.ShouldProcess(target, plan.Summary()))
        {
            cmdlet.WriteObject(plan);
            return;
        }

        var progress = ApplyProgressWriter.For(cmdlet, plan.Steps.Count, target);
        try
        {
            cmdlet.WriteObject(TopologyEngine.Apply(plan, connections, new ApplyOptions
            {
                CheckFingerprint = given,
                BeforeStep = step => cmdlet.WriteVerbose(step.ToString()),
                Progress = progress,
            }));
        }
        finally
        {
            progress?.Complete();
        }
    }
}
