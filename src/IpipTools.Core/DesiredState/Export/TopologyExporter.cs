using System.Net;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.DesiredState.Kinds;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Export;

/// <summary>
/// Turns read state into a topology that declares it, so that exporting a set of namespaces
/// and setting the result is a no-op: each veth pair once (from the end read first, with
/// the other end's state, MTU and bridge), bridges, tunnels of the kinds topologies manage
/// (ipip, gre, sit, vti; a fallback device such as tunl0 without parameters), devices of other
/// origin (lo, NICs), IPv4 addresses and the routes that are not the kernel's own. What a
/// topology cannot declare (other link kinds, such as gretap) is left out.
/// </summary>
public static class TopologyExporter
{
    public static Topology Export(Topology observed, ExportOptions? options = null)
    {
        options ??= ExportOptions.Default;
        var read = observed.Namespaces.Where(n => n.Exists).ToList();
        var all = read.SelectMany(n => n.Links.Select(l => (Namespace: n, Link: l))).ToList();
        var declaredPairs = new HashSet<(string, string)>();
        var namespaces = new List<NamespaceConfig>();
        foreach (var ns in read)
        {
            var links = new List<TopologyLink>();
            foreach (var link in ns.Links)
            {
                if (options.OwnedOnly && !link.IsOwned)
                {
                    continue;
                }

                if (ExportLink(ns, link, all, declaredPairs) is { } exported)
                {
                    links.Add(exported);
                }
            }

            var linkNames = links.Select(l => l.Name).ToHashSet();
            namespaces.Add(new NamespaceConfig
            {
                Name = ns.Name,
                Forwarding = options.OwnedOnly ? null : ns.Forwarding,
                Links = links,
                Addresses = ns.Addresses
                    .Where(a => !IsLoopbackDefault(a) && (!options.OwnedOnly || a.IsOwned))
                    .Select(a => a with { Protocol = Ownership.AddressProtocol })
                    .ToList(),
                Routes = ns.Routes
                    .Where(r => r.Protocol != RouteProtocol.Kernel && r.Type == RouteType.Unicast && (!options.OwnedOnly || r.IsOwnedByIpipTools))
                    .Select(r => r with { Protocol = Ownership.Protocol })
                    .ToList(),
            });
        }

        return new Topology { Namespaces = namespaces };
    }

    private static TopologyLink? ExportLink(NamespaceConfig ns, TopologyLink link, List<(NamespaceConfig Namespace, TopologyLink Link)> all,
        HashSet<(string, string)> declaredPairs)
    {
        var kind = TopologyKinds.Find(link.Kind);
        var declared = new TopologyLink
        {
            Link = new Link
            {
                Name = link.Name,
                KindParameters = kind?.CreationDefaults,
                IsUp = link.Up,
                Mtu = link.Link.Mtu,
                Master = link.Master,
                Alias = Ownership.LinkAlias,
            },
        };
        switch (kind?.Role)
        {
            case LinkRole.Bridge:
                return declared;
            case LinkRole.Tunnel when link.Tunnel is { } tunnel:
                // tunl0's MTU follows whatever the module chose; declaring it would pin it. Of
                // another tunnel, what a topology states: what it does not model is not exported.
                return link.IsFallbackTunnel
                    ? declared.With(l => l with { Mtu = null, Alias = null })
                    : declared.With(l => l with { KindParameters = TunnelSettings.Stated(tunnel) }) with { Underlay = link.Underlay };
            case LinkRole.Pair when VethPeers.TryFind(all, c => c.Link.Link, c => ReferenceEquals(c.Namespace, ns) && c.Link.Name == link.Name, link.Link, out var peer):
                if (declaredPairs.Contains((peer.Namespace.Name, peer.Link.Name)))
                {
                    return null; // declared from the other end
                }

                // The other end is not declared on its own: its state, MTU and bridge go with the
                // pair, or setting the export would give it this end's and take it out of its bridge.
                declaredPairs.Add((ns.Name, link.Name));
                return declared.WithPeer(peer.Link.Name, peer.Namespace.Name)
                    .With(l => l with { KindParameters = ((VethParameters)l.KindParameters!) with { PeerMtu = peer.Link.Link.Mtu == link.Link.Mtu ? null : peer.Link.Link.Mtu } })
                    with
                    {
                        PeerUp = peer.Link.Up == link.Up ? null : peer.Link.Up,
                        PeerMaster = peer.Link.Master,
                    };
            case LinkRole.Pair:
            case null when link.Kind is null:
                // A device, or a veth whose peer is out of sight: declared as a device, so only its state is managed.
                return declared.With(l => l with { KindParameters = null, Alias = null, Mtu = null });
            default:
                return null;
        }
    }

    /// <summary>127.0.0.1/8 on lo appears by itself when lo comes up; declaring it would make a new namespace fail to add it again.</summary>
    private static bool IsLoopbackDefault(InterfaceAddress address) =>
        address.InterfaceName == "lo" && IPAddress.IsLoopback(address.Address);
}
