using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.DesiredState;

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

    /// <summary>
    /// The other end of a read veth: the one veth, in any namespace read, whose index is this
    /// end's IFLA_LINK and whose IFLA_LINK is this end's index. Null when none or several
    /// match (indexes repeat across namespaces), since a guess could restore the wrong pair.
    /// </summary>
    public (WorkingNamespace Namespace, LinkConfig Link)? FindVethPeer(WorkingNamespace ns, LinkConfig veth)
    {
        if (veth.Kind != "veth" || veth.Index == 0)
        {
            return null;
        }

        var matches = _namespaces.Values
            .SelectMany(n => n.Links.Values.Select(l => (Namespace: n, Link: l)))
            .Where(c => c.Link.Kind == "veth" && c.Link.Index != 0 && c.Link.Index == veth.ParentIndex && c.Link.ParentIndex == veth.Index
                && !(c.Namespace == ns && c.Link.Name == veth.Name))
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }
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

    public Dictionary<string, LinkConfig> Links { get; } = new();

    public List<AddressConfig> Addresses { get; }

    public List<RouteConfig> Routes { get; }

    /// <summary>Routes out of <paramref name="device"/> that are not the kernel's own (those come back with their addresses).</summary>
    public IEnumerable<RouteConfig> RoutesVia(string device) => Routes.Where(r => r.Device == device && r.Protocol != RouteProtocol.Kernel);
}
