using System.Collections;
using System.Collections.Specialized;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.DesiredState.Data;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Kinds;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Export;

/// <summary>
/// Writes a topology as data in the shape <see cref="TopologyReader"/> reads: ordered
/// hashtables and arrays (a PowerShell [ordered] hashtable as the module hands it out),
/// with defaults left out so the result reads like a hand-written file. Reading the
/// written data gives the same topology back.
/// </summary>
public static class TopologyWriter
{
    public static OrderedDictionary ToData(Topology topology)
    {
        var root = new OrderedDictionary { ["Namespaces"] = topology.Namespaces.Select(WriteNamespace).ToList() };
        return root;
    }

    /// <summary>The topology as the text of a .psd1 data file.</summary>
    public static string ToPowerShellData(Topology topology) => PowerShellDataWriter.Write(ToData(topology));

    public static string ToJson(Topology topology) => System.Text.Json.JsonSerializer.Serialize(ToData(topology), PlanJson.Options);

    private static OrderedDictionary WriteNamespace(NamespaceConfig ns)
    {
        var data = new OrderedDictionary { ["Name"] = ns.Name };
        if (ns.Forwarding is bool forwarding)
        {
            data["Forwarding"] = forwarding;
        }

        AddList(data, "Devices", ns.Links.Where(l => l.Kind is null).Select(WriteLink));
        AddList(data, "Bridges", ns.Links.Where(l => TopologyKinds.IsBridge(l.Kind)).Select(WriteLink));
        AddList(data, "Veths", ns.Links.Where(l => TopologyKinds.IsPair(l.Kind) && l.PeerName is not null).Select(l => WriteVeth(l, ns.Name)));
        AddList(data, "Tunnels", ns.Links.Where(l => l.Tunnel is not null).Select(WriteTunnel));
        AddList(data, "Addresses", ns.Addresses.Select(WriteAddress));
        AddList(data, "Routes", ns.Routes.Select(WriteRoute));
        return data;
    }

    private static OrderedDictionary WriteLink(TopologyLink link)
    {
        var data = new OrderedDictionary { ["Name"] = link.Name };
        if (!link.Up)
        {
            data["Up"] = false;
        }

        Put(data, "Mtu", link.Link.Mtu);
        Put(data, "Master", link.Master);
        if (link.Exclusive)
        {
            data["Exclusive"] = true;
        }

        return data;
    }

    private static OrderedDictionary WriteVeth(TopologyLink link, string namespaceName)
    {
        var data = WriteLink(link);
        data.Insert(1, "Peer", link.PeerName!);
        if (link.PeerNamespace != namespaceName)
        {
            data.Insert(2, "PeerNamespace", link.PeerNamespace!);
        }

        Put(data, "PeerUp", link.PeerUp);
        Put(data, "PeerMtu", ((VethParameters)link.Link.KindParameters!).PeerMtu);
        Put(data, "PeerMaster", link.PeerMaster);
        return data;
    }

    private static OrderedDictionary WriteTunnel(TopologyLink link)
    {
        var data = WriteLink(link);
        var tunnel = link.Tunnel!;
        var kind = TopologyKinds.Tunnel(tunnel.Kind);
        var defaults = TopologyKinds.DefaultsOf(tunnel);
        var position = 1;
        void Insert(string key, object? value)
        {
            if (value is not null)
            {
                data.Insert(position++, key, value);
            }
        }

        // The mode, which names a flavour of the kind (isatap) where there is one; left out for the default.
        Insert("Mode", tunnel.Mode == TopologyKinds.DefaultTunnel.Kind ? null : tunnel.Mode);
        Insert("Local", tunnel.Local?.ToString());
        Insert("Remote", tunnel.Remote?.ToString());
        Insert("Ttl", tunnel.Ttl == defaults.Ttl ? null : (long)tunnel.Ttl);
        Insert("Tos", tunnel.Tos == defaults.Tos ? null : (long)tunnel.Tos);
        Insert("PathMtuDiscovery", tunnel.PathMtuDiscovery == defaults.PathMtuDiscovery ? null : tunnel.PathMtuDiscovery);
        Insert("Underlay", link.Underlay);
        Insert("CollectMetadata", tunnel.CollectMetadata ? true : null);
        Insert("FirewallMark", tunnel.FirewallMark == 0 ? null : (long)tunnel.FirewallMark);
        foreach (var setting in kind.OwnSettings)
        {
            Insert(setting.Name, setting.Get(tunnel));
        }

        return data;
    }

    private static OrderedDictionary WriteAddress(InterfaceAddress address)
    {
        var data = new OrderedDictionary { ["Device"] = address.InterfaceName };
        if (address.Peer is null)
        {
            data["Address"] = $"{address.Address}/{address.PrefixLength}";
        }
        else
        {
            data["Address"] = address.Address.ToString();
            data["Peer"] = $"{address.Peer}/{address.PrefixLength}";
        }

        return data;
    }

    private static OrderedDictionary WriteRoute(Route route)
    {
        var data = new OrderedDictionary { ["Destination"] = route.Destination.PrefixLength == 0 ? "default" : route.Destination.ToString() };
        Put(data, "Gateway", route.Gateway?.ToString());
        Put(data, "Device", route.Device);
        if (route.OnLink)
        {
            data["OnLink"] = true;
        }

        if (route.Table != RouteTable.Main)
        {
            data["Table"] = (long)route.Table;
        }

        if (route.Metric != 0)
        {
            data["Metric"] = (long)route.Metric;
        }

        Put(data, "Mtu", route.Mtu);
        Put(data, "Source", route.PreferredSource?.ToString());
        return data;
    }

    private static void Put(OrderedDictionary data, string key, object? value)
    {
        if (value is not null)
        {
            data[key] = value is int i ? (long)i : value;
        }
    }

    private static void AddList(OrderedDictionary data, string key, IEnumerable<OrderedDictionary> items)
    {
        var list = items.ToList();
        if (list.Count > 0)
        {
            data[key] = (IList)list;
        }
    }
}
