using System.Net;
using IpipTools.Core.DesiredState.Data;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.DesiredState.Kinds;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Mesh;

/// <summary>
/// Turns a <see cref="MeshSpec"/> into a topology for the same planner and applier as any
/// other. The tunnel device is declared Exclusive: an address that is not the node's, or a
/// route of IpipTools' through the device to a block no longer in the mesh, is removed by
/// the next convergence, while routes and addresses of others elsewhere stay untouched.
/// </summary>
public static class MeshTopology
{
    public static Topology Generate(MeshSpec spec)
    {
        var source = new SourceLocation("the mesh", 0, 0, string.Empty);
        var (address, length) = DataMapReader.SplitPrefix(spec.Address, source.Child("Address"), "Address", 32);
        if (length != 32)
        {
            throw new TopologyFormatException(source.Child("Address"),
                $"the node's tunnel address must be a single address (/32), not /{length}: its block is reached through the bridge, the tunnel device holds one address");
        }

        if (Rtnl.Routes.ManageableRouteTables.WhyNot(spec.Table) is string reason)
        {
            throw new TopologyFormatException(source.Child("Table"), reason);
        }

        var routes = new List<Route>();
        var blocks = new HashSet<string>();
        for (var i = 0; i < spec.Peers.Count; i++)
        {
            var peer = spec.Peers[i];
            var at = source.Child("Peers").Item(i);
            var (network, prefix) = DataMapReader.SplitPrefix(peer.Block, at.Child("Block"), "Block", 32);
            var masked = Rtnl.NetworkPrefix.Mask(network, prefix);
            if (!masked.Equals(network))
            {
                throw new TopologyFormatException(at.Child("Block"), $"the block '{peer.Block}' has host bits set; give the network address, {masked}/{prefix}");
            }

            var block = new IPNetwork(network, prefix);

            if (!blocks.Add(block.ToString()))
            {
                throw new TopologyFormatException(at.Child("Block"), $"the block {block} is given for two peers; each block is hosted by one node");
            }

            var underlay = DataMapReader.ParseIPv4(peer.Underlay, at.Child("Underlay"), "Underlay");
            routes.Add(new Route(block)
            {
                Gateway = underlay,
                Device = spec.Device,
                OnLink = true,
                Table = spec.Table,
                Mtu = spec.RouteMtu,
                Protocol = Ownership.Protocol,
                Scope = Rtnl.RouteScope.Global,
            });
        }

        // tunl0 is the ipip module's; any other device must already exist (it is only configured).
        var ipip = TopologyKinds.DefaultTunnel;
        var fallback = spec.Device == ipip.FallbackDeviceName;
        var device = new TopologyLink
        {
            Link = new Rtnl.Links.Link { Name = spec.Device, KindParameters = fallback ? ipip.TunnelDefaults : null, IsUp = true, Mtu = spec.DeviceMtu },
            Exclusive = true,
        };
        return new Topology
        {
            Namespaces = new[]
            {
                new NamespaceConfig
                {
                    Name = spec.Namespace,
                    Links = new[] { device },
                    Addresses = new[] { new InterfaceAddress(spec.Device, address, 32) { Protocol = Ownership.AddressProtocol } },
                    Routes = routes,
                },
            },
        };
    }
}
