using System.Net.Sockets;
using IpipTools.Core.Model;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.DesiredState;

/// <summary>
/// Reads what the kernel has in a set of namespaces, as a <see cref="Topology"/> the planner
/// can compare with a desired one: one link dump, one address dump and one route dump per
/// namespace (IPv4; every table but the kernel's local one), and net.ipv4.ip_forward.
/// A namespace that does not exist is reported as such, not as an error.
/// </summary>
public static class StateReader
{
    public static Topology Read(IEnumerable<string> namespaceNames, ClientPool clients) =>
        new() { Namespaces = namespaceNames.Distinct().Select(n => ReadNamespace(n, clients)).ToList() };

    public static NamespaceConfig ReadNamespace(string name, ClientPool clients)
    {
        if (!NamespaceNames.Resolve(name).Exists())
        {
            return new NamespaceConfig { Name = name, Exists = false };
        }

        var client = clients.Get(NamespaceNames.Resolve(name));
        var links = client.Links.List();
        var names = links.ToDictionary(l => l.Index, l => l.Name);
        string? NameOf(int index) => names.GetValueOrDefault(index);

        var addresses = client.Connection.Dump($"list addresses {client.NamespaceDescription}", RtnlMessageType.GetAddress,
                w => w.WriteStruct(new IfAddrMessage { Family = AddressFamilies.Inet }),
                m => AddressReader.Read(AddressMessage.Parse(m), NameOf, client.Namespace.Name))
            .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork)
            .Select(ToConfig)
            .ToList();

        var routes = client.Connection.Dump($"list routes {client.NamespaceDescription}", RtnlMessageType.GetRoute,
                w => w.WriteStruct(new RtMessage { Family = AddressFamilies.Inet }),
                m => RouteReader.Read(m, NameOf, client.Namespace.Name))
            .Where(r => r.Destination.BaseAddress.AddressFamily == AddressFamily.InterNetwork && r.Table != RouteTable.Local)
            .ToList();

        return new NamespaceConfig
        {
            Name = name,
            Exists = true,
            Forwarding = Ipv4Forwarding.IsEnabled(NamespaceNames.Resolve(name)),
            Links = links.Select(l => ToConfig(l, NameOf)).ToList(),
            Addresses = addresses,
            Routes = routes,
        };
    }

    public static LinkConfig ToConfig(NetworkLink link, Func<int, string?> nameOf) => new()
    {
        Name = link.Name,
        Kind = link.Kind,
        Up = link.IsUp,
        Mtu = link.Mtu,
        Master = link.MasterIndex == 0 ? null : nameOf(link.MasterIndex) ?? $"#{link.MasterIndex}",
        Alias = link.Alias,
        Index = link.Index,
        ParentIndex = link.ParentIndex,
        HardwareAddress = link.HardwareAddress,
        // Tunnels of the kinds topologies manage; others (a gretap, say) are read as links without parameters.
        Tunnel = link.KindParameters is Ipv4TunnelParameters tunnel && TopologyKinds.FindTunnel(tunnel.Kind) is not null
            ? TunnelConfig.Of(tunnel, nameOf)
            : null,
    };

    private static AddressConfig ToConfig(InterfaceAddress a) => new()
    {
        Device = a.Name,
        Address = a.Address.ToString(),
        PrefixLength = a.PrefixLength,
        Peer = a.Peer?.ToString(),
        Protocol = a.Protocol,
    };

}
