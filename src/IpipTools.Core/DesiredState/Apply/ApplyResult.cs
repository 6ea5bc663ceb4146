using IpipTools.Core.Errors;
using IpipTools.Core.DesiredState.Planning;

namespace IpipTools.Core.DesiredState.Apply;

/// <summary>What applying a plan did: the steps, how many kernel change requests they took, and how long.</summary>
public sealed record ApplyResult(TopologyPlan Plan, int StepsApplied, long ChangeRequests, TimeSpan Duration)
{
    public override string ToString() => $"{Wording.Count(StepsApplied, "step")}, {Wording.Count(ChangeRequests, "change request")}, {Duration.TotalMilliseconds:0} ms";
}
