using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.DesiredState.Topologies;

/// <summary>
/// One namespace of a topology: its links, addresses, routes and IPv4 forwarding. The same
/// record holds what a topology declares and what was read from the kernel.
/// </summary>
public sealed record NamespaceConfig
{
    /// <summary>The namespace's name; "" for the namespace the command runs in.</summary>
    public string Name { get; init; } = TopologyNamespace.Current;

    /// <summary>Read state: whether the namespace exists. Declared namespaces are meant to exist.</summary>
    public bool Exists { get; init; } = true;

    /// <summary>net.ipv4.ip_forward; null in a topology leaves it as it is.</summary>
    public bool? Forwarding { get; init; }

    public IReadOnlyList<TopologyLink> Links { get; init; } = Array.Empty<TopologyLink>();

    public IReadOnlyList<InterfaceAddress> Addresses { get; init; } = Array.Empty<InterfaceAddress>();

    public IReadOnlyList<Route> Routes { get; init; } = Array.Empty<Route>();
}
