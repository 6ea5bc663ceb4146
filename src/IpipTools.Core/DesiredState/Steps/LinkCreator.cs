using System.Net.NetworkInformation;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Kinds;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Steps;

/// <summary>
/// Creates a link from a <see cref="TopologyLink"/>. A planned link is created down, with its
/// MTU, bridge and IpipTools' alias. A restored link (undoing a removal) gets back
/// everything that was read: its index, its hardware address, its alias, and its state,
/// brought up by a request of its own after the creation, as it was made the first time.
/// </summary>
internal sealed class LinkCreator
{
    private readonly ClientPool _clients;

    public LinkCreator(ClientPool clients)
    {
        _clients = clients;
    }

    /// <summary>Creates a link as planned: down, without the identity the kernel gives it.</summary>
    public void Create(string namespaceName, TopologyLink link) => Make(namespaceName, link, restoredPeer: null, restoring: false);

    /// <summary>Creates a removed link again as it was read (and a veth's other end, as <paramref name="peerEnd"/> was read).</summary>
    public void Restore(string namespaceName, TopologyLink link, TopologyLink? peerEnd) => Make(namespaceName, link, peerEnd, restoring: true);

    private void Make(string namespaceName, TopologyLink link, TopologyLink? restoredPeer, bool restoring)
    {
        var kind = TopologyKinds.Find(link.Kind) ?? throw new IpipToolsException(
            $"IpipTools cannot create a link of kind '{link.Kind ?? "(none)"}' ('{link.Name}').", "UnsupportedLinkKind", IpipErrorCategory.NotInstalled,
            $"Topologies create links of kinds {string.Join(", ", TopologyKinds.All.Select(k => k.Kind))}.", link.Name);
        switch (kind.Role)
        {
            case LinkRole.Pair:
                CreateVeth(namespaceName, link, restoredPeer, restoring);
                return;
            case LinkRole.Tunnel:
                CreateTunnel(namespaceName, link, restoring);
                break;
            default:
                _clients.Get(TopologyNamespace.Resolve(namespaceName)).Links.Add(Link.Of(link.Name, link.Link.KindParameters ?? kind.CreationDefaults) with
                {
                    Mtu = link.Link.Mtu,
                    Master = link.Master,
                    Alias = link.Link.Alias,
                    Index = restoring ? link.Link.Index : 0,
                    HardwareAddress = restoring ? link.Link.HardwareAddress : null,
                });
                break;
        }

        if (restoring && link.Up)
        {
            _clients.Get(TopologyNamespace.Resolve(namespaceName)).Links.SetUp(link.Name, true);
        }
    }

    private void CreateTunnel(string namespaceName, TopologyLink link, bool restoring)
    {
        var client = _clients.Get(TopologyNamespace.Resolve(namespaceName));
        var parameters = link.Tunnel! with { UnderlayIndex = UnderlayIndex(client, link) };
        if (!restoring)
        {
            // TunnelOperations explains a clash of endpoints with another tunnel (or tunl0) in plain words.
            client.Tunnels.Create(Link.Of(link.Name, parameters) with { Mtu = link.Link.Mtu, Alias = link.Link.Alias });
            return;
        }

        client.Links.Add(Link.Of(link.Name, parameters) with { Mtu = link.Link.Mtu, Alias = link.Link.Alias, Index = link.Link.Index });
    }

    /// <summary>
    /// Creates both ends in one request. It is sent from the side whose namespace the request
    /// must name by file descriptor: from the current namespace no descriptor is needed for
    /// it, so when one end lives there the pair is made from the other side's point of view.
    /// </summary>
    private void CreateVeth(string namespaceName, TopologyLink link, TopologyLink? restoredPeer, bool restoring)
    {
        var peerNamespace = link.PeerNamespace ?? throw new IpipToolsException($"The veth '{link.Name}' has no peer to create it with.", "VethPeerUnknown",
            IpipErrorCategory.InvalidArgument, "Declare Peer (and PeerNamespace) for the veth.", link.Name);
        var peerLink = restoredPeer ?? TargetState.PeerEnd(link, namespaceName);
        var first = (Namespace: namespaceName, Link: link);
        var second = (Namespace: peerNamespace, Link: peerLink);
        if (first.Namespace.Length > 0 && second.Namespace.Length == 0)
        {
            (first, second) = (second, first);
        }

        var client = _clients.Get(TopologyNamespace.Resolve(first.Namespace));
        var parameters = TopologyKinds.Pair.PairedWith(second.Link.Name,
            second.Namespace == first.Namespace ? null : TopologyNamespace.Resolve(second.Namespace),
            restoring ? second.Link.Link.Index : 0,
            restoring ? Hardware(second.Link) : null);
        client.Links.Add(Link.Of(first.Link.Name, parameters) with
        {
            Mtu = first.Link.Link.Mtu,
            Alias = first.Link.Link.Alias,
            Index = restoring ? first.Link.Link.Index : 0,
            HardwareAddress = restoring ? first.Link.Link.HardwareAddress : null,
        });

        try
        {
            ConfigureVethEnds(first, second, restoring);
        }
        catch
        {
            // Leave nothing half made: the pair goes, and the failure is reported.
            client.Links.TryDelete(first.Link.Name);
            throw;
        }
    }

    /// <summary>The request carries the peer's name, namespace, index and address only; the rest is set on each end afterwards.</summary>
    private void ConfigureVethEnds((string Namespace, TopologyLink Link) first, (string Namespace, TopologyLink Link) second, bool restoring)
    {
        var other = _clients.Get(TopologyNamespace.Resolve(second.Namespace)).Links;
        if (second.Link.Link.Alias is { } alias)
        {
            other.SetAlias(second.Link.Name, alias);
        }

        if (second.Link.Link.Mtu is int mtu && mtu != DefaultVethMtu)
        {
            other.SetMtu(second.Link.Name, mtu);
        }

        foreach (var (ns, end) in new[] { first, second })
        {
            var links = _clients.Get(TopologyNamespace.Resolve(ns)).Links;
            if (end.Master is not null)
            {
                links.SetMaster(end.Name, end.Master);
            }

            if (restoring && end.Up)
            {
                links.SetUp(end.Name, true);
            }
        }
    }

    /// <summary>A veth peer made without IFLA_MTU gets Ethernet's 1500.</summary>
    private const int DefaultVethMtu = 1500;

    /// <summary>
    /// The index of the tunnel's underlay: the link of that name, or for a tunnel read with an
    /// underlay no link of its namespace has (one in another namespace), the index it was read with.
    /// </summary>
    internal static int UnderlayIndex(RtnetlinkClient client, TopologyLink tunnel) =>
        tunnel.Underlay is { } name ? client.Links.IndexOf(name) : tunnel.Tunnel!.UnderlayIndex;

    private static PhysicalAddress? Hardware(TopologyLink link) =>
        link.Link.HardwareAddress is { Length: > 0 } text ? PhysicalAddress.Parse(text.Replace(':', '-')) : null;
}
