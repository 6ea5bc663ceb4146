namespace IpipTools.Core.DesiredState.Steps;

/// <summary>What a plan step does to its object.</summary>
public enum PlanAction
{
    Add,
    Change,
    Remove,

    /// <summary>Delete and create again: the kernel refuses the change in place (a point-to-point tunnel made tunl0-style or back, collect_metadata, another kind).</summary>
    Recreate,
}
