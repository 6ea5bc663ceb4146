using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Planning;

/// <summary>
/// The read state, changed step by step as the planner plans: a removed link takes its
/// addresses and routes with it, a created link starts down with none. Each decision is
/// taken against the state the earlier steps will have left, as the kernel will see it.
/// </summary>
internal sealed class WorkingState
{
    private readonly Dictionary<string, WorkingNamespace> _namespaces = new();

    public WorkingState(Topology observed)
    {
        foreach (var ns in observed.Namespaces)
        {
            _namespaces[ns.Name] = new WorkingNamespace(ns);
        }
    }

    public IEnumerable<WorkingNamespace> Namespaces => _namespaces.Values;

    /// <summary>The namespace as read; one the reader never saw is treated as missing.</summary>
    public WorkingNamespace Get(string name)
    {
        if (!_namespaces.TryGetValue(name, out var ns))
        {
            ns = new WorkingNamespace(new NamespaceConfig { Name = name, Exists = false });
            _namespaces[name] = ns;
        }

        return ns;
    }

    /// <summary>The other end of a read veth, among the namespaces read (see <see cref="VethPeers"/>); null when unknown.</summary>
    public (WorkingNamespace Namespace, TopologyLink Link)? FindVethPeer(WorkingNamespace ns, TopologyLink veth) =>
        VethPeerMatches(ns, veth) is { Count: 1 } matches ? matches[0] : null;

    /// <summary>Whether several veths of the namespaces read could be <paramref name="veth"/>'s other end, so that none is taken for it.</summary>
    public bool HasAmbiguousVethPeer(WorkingNamespace ns, TopologyLink veth) => VethPeerMatches(ns, veth).Count > 1;

    private IReadOnlyList<(WorkingNamespace Namespace, TopologyLink Link)> VethPeerMatches(WorkingNamespace ns, TopologyLink veth) =>
        VethPeers.Matches(_namespaces.Values.SelectMany(n => n.Links.Values.Select(l => (Namespace: n, Link: l))),
            c => c.Link.Link, c => ReferenceEquals(c.Namespace, ns) && c.Link.Name == veth.Name, veth.Link);
}

/// <summary>One namespace of a <see cref="WorkingState"/>.</summary>
internal sealed class WorkingNamespace
{
    public WorkingNamespace(NamespaceConfig read)
    {
        Name = read.Name;
        Exists = read.Exists;
        Forwarding = read.Forwarding ?? false;
        foreach (var link in read.Links)
        {
            Links[link.Name] = link;
        }

        Addresses = read.Addresses.ToList();
        Routes = read.Routes.ToList();
    }

    public string Name { get; }

    public bool Exists { get; set; }

    /// <summary>Created by this plan: what the kernel puts in a new namespace (tunl0) is assumed, not read.</summary>
    public bool IsNew { get; set; }

    public bool Forwarding { get; set; }

    public Dictionary<string, TopologyLink> Links { get; } = new();

    public List<InterfaceAddress> Addresses { get; }

    public List<Route> Routes { get; }

    /// <summary>Routes out of <paramref name="device"/> that are not the kernel's own (those come back with their addresses).</summary>
    public IEnumerable<Route> RoutesVia(string device) => Routes.Where(r => r.Device == device && r.Protocol != RouteProtocol.Kernel);
}
