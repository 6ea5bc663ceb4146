namespace IpipTools.Core.DesiredState.Steps;

/// <summary>What a plan step is about. The order of the values is the order steps of each kind run in, additions first.</summary>
public enum PlanObjectKind
{
    Namespace,
    Forwarding,
    Link,

    /// <summary>A link's administrative state (up or down), set after every link exists.</summary>
    LinkState,
    Address,
    Route,
}
