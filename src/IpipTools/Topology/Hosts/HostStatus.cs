namespace IpipTools.Topology.Hosts;

/// <summary>What a topology over many hosts did to one host.</summary>
public enum HostStatus
{
    /// <summary>Already as declared: nothing was sent.</summary>
    Unchanged,

    /// <summary>Its plan was applied: the host now is as declared.</summary>
    Changed,

    /// <summary>Its plan failed and was undone on the host: the host is as it was.</summary>
    Failed,

    /// <summary>Not changed because another host could not be planned, or because the user declined.</summary>
    NotApplied,

    /// <summary>No session could be opened, or the host could not plan: nothing was sent to it.</summary>
    Unreachable,
}
