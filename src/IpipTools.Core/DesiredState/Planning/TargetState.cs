using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.DesiredState;

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
                ns.Add(link, declaresPair: link.Peer is not null);
            }
        }

        foreach (var declared in desired.Namespaces)
        {
            foreach (var veth in declared.Links.Where(l => l.Peer is not null))
            {
                Get(veth.Peer!.Namespace).Add(PeerEnd(veth, declared.Name), declaresPair: false);
            }
        }

        return new TargetState(ordered);
    }

    /// <summary>
    /// The far end of a veth pair: the state, MTU and bridge its declaration gives it (by
    /// default the declared end's state and MTU, no bridge), pointing back at the declared
    /// end with that end's settings, so the pair seen from there is the same pair.
    /// </summary>
    public static LinkConfig PeerEnd(LinkConfig veth, string namespaceName)
    {
        var peer = veth.Peer!;
        var up = peer.Up ?? veth.Up;
        var mtu = peer.Mtu ?? veth.Mtu;
        return new LinkConfig
        {
            Name = peer.Name,
            Kind = veth.Kind,
            Up = up,
            Mtu = mtu,
            Master = peer.Master,
            Alias = Ownership.LinkAlias,
            Peer = new VethPeer(veth.Name, namespaceName)
            {
                Up = veth.Up == up ? null : veth.Up,
                Mtu = veth.Mtu == mtu ? null : veth.Mtu,
                Master = veth.Master,
            },
        };
    }
}

/// <summary>One namespace of a <see cref="TargetState"/>.</summary>
internal sealed class TargetNamespace
{
    private readonly Dictionary<string, LinkConfig> _links = new();

    public TargetNamespace(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public bool? Forwarding { get; set; }

    /// <summary>Every link that must exist here, veth far ends included, in declaration order.</summary>
    public List<LinkConfig> Links { get; } = new();

    /// <summary>The veth ends declared here (their pairs are created from this side).</summary>
    public HashSet<string> PairDeclarations { get; } = new();

    public List<AddressConfig> Addresses { get; } = new();

    public List<Route> Routes { get; } = new();

    public IEnumerable<string> ExclusiveLinks => Links.Where(l => l.Exclusive).Select(l => l.Name);

    public LinkConfig? Find(string name) => _links.GetValueOrDefault(name);

    public void Add(LinkConfig link, bool declaresPair)
    {
        _links[link.Name] = link;
        Links.Add(link);
        if (declaresPair)
        {
            PairDeclarations.Add(link.Name);
        }
    }
}
