namespace IpipTools.Topology.Hosts;

/// <summary>
/// What one host is asked to plan: its name, and the arguments of the remote plan script
/// (<see cref="RemoteScripts"/>) that make its plan there with the module's own cmdlets.
/// </summary>
public sealed record HostWork(string HostName, object?[] PlanArguments);
