using IpipTools.Core.DesiredState.Planning;

namespace IpipTools.Topology.Hosts;

/// <summary>
/// One host after the planning phase: its plan (and the JSON it came as, which is what the
/// host is later asked to apply), or, when it has none, why (<see cref="Status"/> and <see cref="Error"/>).
/// </summary>
public sealed record PlannedHost(string HostName, TopologyPlan? Plan, string? Json, HostStatus Status, string Error)
{
    public static PlannedHost Planned(string hostName, string json) => new(hostName, TopologyPlan.FromJson(json), json, HostStatus.Unchanged, string.Empty);

    public static PlannedHost Unplanned(string hostName, HostStatus status, string error) => new(hostName, null, null, status, error);
}
