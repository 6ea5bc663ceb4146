namespace IpipTools.Core.DesiredState.Planning;

/// <summary>How a plan is made.</summary>
public sealed record PlanOptions
{
    public static readonly PlanOptions Default = new();

    /// <summary>
    /// Also remove what IpipTools owns in the topology's namespaces but the topology no longer
    /// declares: links with IpipTools' alias, addresses and routes with protocol 73. Nothing
    /// without those marks is ever removed (except addresses on a link declared Exclusive).
    /// </summary>
    public bool Prune { get; init; }
}
