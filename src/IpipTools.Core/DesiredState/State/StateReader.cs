using System.Net.Sockets;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.State;

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
        if (!TopologyNamespace.Resolve(name).Exists())
        {
            return new NamespaceConfig { Name = name, Exists = false };
        }

        var client = clients.Get(TopologyNamespace.Resolve(name));
        var links = client.Links.List();
        var names = links.ToDictionary(l => l.Index, l => l.Name);
        string? NameOf(int index) => names.GetValueOrDefault(index);

        var addresses = client.Connection.Dump($"list addresses {client.Namespace.Describe()}", RtnlMessageType.GetAddress,
                w => w.WriteStruct(new IfAddrMessage { Family = AddressFamilies.Inet }),
                m => AddressReader.Read(AddressMessage.Parse(m), NameOf, client.Namespace.Name))
            .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork)
            .ToList();

        var routes = client.Connection.Dump($"list routes {client.Namespace.Describe()}", RtnlMessageType.GetRoute,
                w => w.WriteStruct(new RtMessage { Family = AddressFamilies.Inet }),
                m => RouteReader.Read(m, NameOf, client.Namespace.Name))
            .Where(r => r.Destination.BaseAddress.AddressFamily == AddressFamily.InterNetwork && r.Table != RouteTable.Local)
            .ToList();

        return new NamespaceConfig
        {
            Name = name,
            Exists = true,
            Forwarding = Ipv4Forwarding.IsEnabled(TopologyNamespace.Resolve(name)),
            Links = links.Select(l => ToTopologyLink(l, NameOf)).ToList(),
            Addresses = addresses,
            Routes = routes,
        };
    }

    /// <summary>
    /// A link as desired state sees it: what creates it again and what a topology compares,
    /// with its bridge and its underlay named; what only the kernel reports (statistics,
    /// operational state, flags other than up) is left out, so that state read twice is equal.
    /// </summary>
    public static TopologyLink ToTopologyLink(Link link, Func<int, string?> nameOf) => new()
    {
        Link = new Link
        {
            Name = link.Name,
            Index = link.Index,
            KindParameters = link.KindParameters,
            IsUp = link.IsUp,
            Mtu = link.Mtu,
            MasterIndex = link.MasterIndex,
            Master = link.MasterIndex == 0 ? null : nameOf(link.MasterIndex),
            Alias = link.Alias,
            LinkedIndex = link.LinkedIndex,
            LinkedNamespaceId = link.LinkedNamespaceId,
            HardwareAddress = link.HardwareAddress,
        },
        Underlay = link.KindParameters is Ipv4TunnelParameters { UnderlayIndex: not 0 and var underlay } ? nameOf(underlay) : null,
    };

}
