using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Planning;

/// <summary>
/// A desired topology laid out the way the kernel will hold it: per namespace, every link
/// that must exist, including the far end of each veth pair (declared once, at one end),
/// with the links whose addresses and routes are exclusive.
/// </summary>
internal sealed class TargetState
{
    private TargetState(List<TargetNamespace> namespaces)
    {
        Namespaces = namespaces;
    }

    /// <summary>Declared namespaces in their order, then namespaces only veth peers live in.</summary>
    public IReadOnlyList<TargetNamespace> Namespaces { get; }

    public static TargetState From(Topology desired)
    {
        var byName = new Dictionary<string, TargetNamespace>();
        var ordered = new List<TargetNamespace>();
        TargetNamespace Get(string name)
        {
            if (!byName.TryGetValue(name, out var ns))
            {
                ns = new TargetNamespace(name);
                byName[name] = ns;
                ordered.Add(ns);
            }

            return ns;
        }

        foreach (var declared in desired.Namespaces)
        {
            var ns = Get(declared.Name);
            ns.Forwarding = declared.Forwarding;
            ns.Addresses.AddRange(declared.Addresses);
            ns.Routes.AddRange(declared.Routes);
            foreach (var link in declared.Links)
            {
                ns.Add(link, declaresPair: link.PeerName is not null);
            }
        }

        foreach (var declared in desired.Namespaces)
        {
            foreach (var veth in declared.Links.Where(l => l.PeerName is not null))
            {
                Get(veth.PeerNamespace!).Add(PeerEnd(veth, declared.Name), declaresPair: false);
            }
        }

        return new TargetState(ordered);
    }

    /// <summary>
    /// The far end of a veth pair: the state, MTU and bridge its declaration gives it (by
    /// default the declared end's state and MTU, no bridge), pointing back at the declared
    /// end with that end's settings, so the pair seen from there is the same pair.
    /// </summary>
    public static TopologyLink PeerEnd(TopologyLink veth, string namespaceName)
    {
        var peer = (VethParameters)veth.Link.KindParameters!;
        var up = veth.PeerUp ?? veth.Up;
        var mtu = peer.PeerMtu ?? veth.Link.Mtu;
        return new TopologyLink
        {
            Link = new Link
            {
                Name = peer.PeerName!,
                IsUp = up,
                Mtu = mtu,
                Master = veth.PeerMaster,
                Alias = Ownership.LinkAlias,
                KindParameters = new VethParameters(veth.Name, TopologyNamespace.Resolve(namespaceName)) { PeerMtu = veth.Link.Mtu == mtu ? null : veth.Link.Mtu },
            },
            PeerUp = veth.Up == up ? null : veth.Up,
            PeerMaster = veth.Master,
        };
    }
}

/// <summary>One namespace of a <see cref="TargetState"/>.</summary>
internal sealed class TargetNamespace
{
    private readonly Dictionary<string, TopologyLink> _links = new();

    public TargetNamespace(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public bool? Forwarding { get; set; }

    /// <summary>Every link that must exist here, veth far ends included, in declaration order.</summary>
    public List<TopologyLink> Links { get; } = new();

    /// <summary>The veth ends declared here (their pairs are created from this side).</summary>
    public HashSet<string> PairDeclarations { get; } = new();

    public List<InterfaceAddress> Addresses { get; } = new();

    public List<Route> Routes { get; } = new();

    public IEnumerable<string> ExclusiveLinks => Links.Where(l => l.Exclusive).Select(l => l.Name);

    public TopologyLink? Find(string name) => _links.GetValueOrDefault(name);

    public void Add(TopologyLink link, bool declaresPair)
    {
        _links[link.Name] = link;
        Links.Add(link);
        if (declaresPair)
        {
            PairDeclarations.Add(link.Name);
        }
    }
}
