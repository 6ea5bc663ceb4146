using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.DesiredState.Data;
using IpipTools.Core.DesiredState.Kinds;

namespace IpipTools.Core.DesiredState.Topologies;

/// <summary>
/// Builds a <see cref="Topology"/> from topology data, whatever its source:
/// <code>
/// @{
///     Namespaces = @(
///         @{
///             Name       = 'ns1'            # '' or omitted: the namespace the command runs in
///             Forwarding = $true            # omitted: left as it is
///             Veths      = @( @{ Name = 'v1'; Peer = 'v1-P'; PeerNamespace = '' } )  # PeerUp, PeerMtu, PeerMaster: the other end's, when it differs
///             Bridges    = @( @{ Name = 'mybr0' } )
///             Tunnels    = @( @{ Name = 'tunl'; Local = '10.10.10.2'; Remote = '10.10.20.2'; Ttl = 64 }
///                            @{ Name = 'gre1'; Mode = 'gre'; Remote = '10.10.20.3'; InputKey = 1; OutputKey = 2 } )  # Mode: an ip tunnel mode, ipip by default
///             Devices    = @( @{ Name = 'lo' } )  # existing devices: never created, only brought up and configured
///             Addresses  = @( @{ Device = 'v1'; Address = '10.10.10.2/24' }
///                            @{ Device = 'tunl'; Address = '10.10.100.10'; Peer = '10.10.200.10' } )
///             Routes     = @( @{ Destination = '10.10.20.0/24'; Gateway = '10.10.10.1' }
///                            @{ Destination = '10.42.2.0/24'; Gateway = '172.16.165.244'; Device = 'tunl0'; OnLink = $true; Mtu = 1480 } )
///         }
///     )
/// }
/// </code>
/// Everything that can be checked without the kernel is checked here, so that errors
/// point at the line of the data file.
/// </summary>
public static class TopologyReader
{
    public static Topology Read(DataValue data)
    {
        var root = new DataMapReader(data, data.Location, "the topology");
        root.String("Description"); // free text for people, not used
        var namespaces = new List<NamespaceConfig>();
        var seen = new Dictionary<string, SourceLocation>();
        foreach (var (value, location) in root.List("Namespaces"))
        {
            var ns = ReadNamespace(value, location);
            if (seen.TryGetValue(ns.Name, out var first))
            {
                throw new TopologyFormatException(location, $"{NetNamespace.InWords(ns.Name)} is declared twice (first at {first}); declare each namespace once");
            }

            seen[ns.Name] = location;
            namespaces.Add(ns);
        }

        root.RejectUnknownKeys();
        var topology = new Topology { Namespaces = namespaces };
        RejectClashingVethEnds(topology, seen);
        return topology;
    }

    private static NamespaceConfig ReadNamespace(DataValue value, SourceLocation location)
    {
        var map = new DataMapReader(value, location, "a namespace");
        var name = map.String("Name") ?? TopologyNamespace.Current;
        if (name.Length > 0)
        {
            map.Check("Name", () => NetNamespace.ValidateName(name));
        }

        var links = new List<TopologyLink>();
        links.AddRange(map.List("Veths").Select(v => ReadVeth(v.Value, v.Location, name)));
        links.AddRange(map.List("Bridges").Select(v => ReadBridge(v.Value, v.Location)));
        links.AddRange(map.List("Tunnels").Select(v => ReadTunnel(v.Value, v.Location)));
        links.AddRange(map.List("Devices").Select(v => ReadDevice(v.Value, v.Location)));
        var addresses = map.List("Addresses").Select(v => ReadAddress(v.Value, v.Location)).ToList();
        var routes = map.List("Routes").Select(v => ReadRoute(v.Value, v.Location)).ToList();
        var forwarding = map.Bool("Forwarding");
        map.RejectUnknownKeys();

        RejectDuplicates(links, l => l.Name, l => $"the link '{l.Name}'", location, name, "one link of a name");
        RejectDuplicates(addresses, a => a.Key, a => $"the address {a}", location, name, "each address once");
        RejectDuplicates(routes, r => r.Key, r => $"the route to {r.Destination} (table {r.Table}, metric {r.Metric})", location, name,
            "one route per destination, table and metric (the kernel keeps one)");
        return new NamespaceConfig { Name = name, Forwarding = forwarding, Links = links, Addresses = addresses, Routes = routes };
    }

    private static TopologyLink ReadVeth(DataValue value, SourceLocation location, string namespaceName)
    {
        var map = new DataMapReader(value, location, "a veth pair");
        var link = ReadCommon(map, TopologyKinds.Pair.CreationDefaults);
        var peerName = map.RequiredString("Peer");
        var peerNamespace = map.String("PeerNamespace") ?? namespaceName;
        var peerMtu = (int?)map.Integer("PeerMtu", LinkMtu.Minimum, LinkMtu.Maximum);
        link = link with { PeerUp = map.Bool("PeerUp"), PeerMaster = map.String("PeerMaster") };
        map.RejectUnknownKeys();
        map.Check("Peer", () => InterfaceName.Validate(peerName, "veth peer name"));
        if (peerNamespace.Length > 0)
        {
            map.Check("PeerNamespace", () => NetNamespace.ValidateName(peerNamespace));
        }

        link = link.WithPeer(peerName, peerNamespace).With(l => l with { KindParameters = ((VethParameters)l.KindParameters!) with { PeerMtu = peerMtu } });
        if (link.PeerMaster is { } peerMaster)
        {
            map.Check("PeerMaster", () => InterfaceName.Validate(peerMaster, "bridge name"));
            if (peerMaster == peerName)
            {
                throw new TopologyFormatException(map.LocationOf("PeerMaster"), $"'{peerMaster}' cannot be a port of itself");
            }
        }

        if (peerName == link.Name && peerNamespace == namespaceName)
        {
            throw new TopologyFormatException(map.LocationOf("Peer"), $"the veth '{link.Name}' cannot be its own peer; the two ends need two names (or two namespaces)");
        }

        return link;
    }

    private static TopologyLink ReadBridge(DataValue value, SourceLocation location)
    {
        var map = new DataMapReader(value, location, "a bridge");
        var link = ReadCommon(map, TopologyKinds.Bridge.CreationDefaults);
        map.RejectUnknownKeys();
        return link;
    }

    /// <summary>A device IpipTools does not create (lo, a NIC, tunl0): only its state, MTU and bridge are managed.</summary>
    private static TopologyLink ReadDevice(DataValue value, SourceLocation location)
    {
        var map = new DataMapReader(value, location, "a device");
        var link = ReadCommon(map, parameters: null).With(l => l with { Alias = null });
        map.RejectUnknownKeys();
        return link;
    }

    private static TopologyLink ReadTunnel(DataValue value, SourceLocation location)
    {
        var map = new DataMapReader(value, location, "a tunnel");
        var mode = map.String("Mode");
        var kind = mode is null ? TopologyKinds.DefaultTunnel : TopologyKinds.FindTunnel(mode)
            ?? throw new TopologyFormatException(map.LocationOf("Mode"), $"'{mode}' is not a tunnel mode topologies know; use {TopologyKinds.TunnelModeList}");
        var link = ReadCommon(map, parameters: null);

        // A mode that is a flavour of its kind (isatap of sit) is in the defaults it starts from.
        var common = TopologyKinds.DefaultsFor(mode ?? kind.Kind) with
        {
            Local = map.IPv4("Local"),
            Remote = map.IPv4("Remote"),
            Ttl = ReadInheritable(map, "Ttl", inherit: 0),
            Tos = ReadInheritable(map, "Tos", inherit: 1),
            PathMtuDiscovery = map.Bool("PathMtuDiscovery") ?? true,
            CollectMetadata = map.Bool("CollectMetadata") ?? false,
            FirewallMark = (uint)(map.Integer("FirewallMark", 0, uint.MaxValue) ?? 0),
        };

        // The kind's own settings (a gre tunnel's keys), which only its driver knows; the reader then rejects the keys nobody read.
        var tunnel = kind.OwnSettings.Aggregate(common, (p, setting) => setting.Set(p, map.Integer(setting.Name, setting.Minimum, setting.Maximum)));
        link = link.With(l => l with { KindParameters = tunnel }) with { Underlay = map.String("Underlay") };
        map.RejectUnknownKeys();
        if (link.Underlay is { } underlay)
        {
            map.Check("Underlay", () => InterfaceName.Validate(underlay, "underlay device name"));
        }

        if (!tunnel.PathMtuDiscovery && tunnel.Ttl != 0)
        {
            throw new TopologyFormatException(map.LocationOf("PathMtuDiscovery"),
                $"a fixed TTL ({tunnel.Ttl}) and PathMtuDiscovery = $false cannot go together: a fixed TTL makes the kernel set DF on outer packets",
                "Keep path MTU discovery on, or use Ttl = 'inherit'.");
        }

        if (tunnel.CollectMetadata && (tunnel.Local is not null || tunnel.Remote is not null))
        {
            throw new TopologyFormatException(map.LocationOf("CollectMetadata"),
                "a CollectMetadata (external) tunnel takes its endpoints from each packet's metadata; leave Local and Remote out");
        }

        if (link.Name == kind.FallbackDeviceName && !TunnelSettings.HasNoParameters(link))
        {
            throw new TopologyFormatException(map.LocationOf("Name"),
                $"'{link.Name}' is the fallback device the {kind.KernelModule} module creates in every namespace; its parameters cannot be set",
                $"Leave Local, Remote, Ttl and the other parameters out for {link.Name} (Up, Mtu and its addresses and routes can be managed), or name your own tunnel.");
        }

        if (link.Master is not null)
        {
            throw new TopologyFormatException(map.LocationOf("Master"), $"{Wording.WithArticle(tunnel.Mode)} tunnel carries no Ethernet frames, so it cannot be a bridge port");
        }

        return link;
    }

    private static TopologyLink ReadCommon(DataMapReader map, LinkKindParameters? parameters)
    {
        var name = map.RequiredString("Name");
        map.Check("Name", () => InterfaceName.Validate(name));
        var master = map.String("Master");
        if (master is not null)
        {
            map.Check("Master", () => InterfaceName.Validate(master, "bridge name"));
            if (master == name)
            {
                throw new TopologyFormatException(map.LocationOf("Master"), $"'{name}' cannot be a port of itself");
            }
        }

        return new TopologyLink
        {
            Link = new Link
            {
                Name = name,
                KindParameters = parameters,
                IsUp = map.Bool("Up") ?? true,
                Mtu = (int?)map.Integer("Mtu", LinkMtu.Minimum, LinkMtu.Maximum),
                Master = master,
                Alias = Ownership.LinkAlias,
            },
            Exclusive = map.Bool("Exclusive") ?? false,
        };
    }

    /// <summary>A byte that may also be written 'inherit' (ttl inherit is 0, tos inherit is 1, as iproute2 encodes them).</summary>
    private static byte ReadInheritable(DataMapReader map, string key, byte inherit)
    {
        if (map.Raw(key) is DataScalar { Value: string text } && text.Equals("inherit", StringComparison.OrdinalIgnoreCase))
        {
            return inherit;
        }

        return (byte)(map.Integer(key, 0, 255) ?? 0);
    }

    private static InterfaceAddress ReadAddress(DataValue value, SourceLocation location)
    {
        var map = new DataMapReader(value, location, "an address");
        var device = map.RequiredString("Device");
        map.Check("Device", () => InterfaceName.Validate(device));
        var peerText = map.String("Peer");
        var (address, length) = map.AddressWithPrefix("Address", 32);
        IPAddress? peer = null;
        if (peerText is not null)
        {
            if (map.String("Address")!.Contains('/'))
            {
                throw new TopologyFormatException(map.LocationOf("Address"),
                    "with a Peer, the prefix length belongs to the peer (as in 'ip addr add A peer B/len'); write it on Peer");
            }

            (var peerAddress, length) = DataMapReader.SplitPrefix(peerText, map.LocationOf("Peer"), "Peer", 32);
            peer = peerAddress;
        }

        map.RejectUnknownKeys();
        return new InterfaceAddress(device, address, length, peer) { Protocol = Ownership.AddressProtocol };
    }

    private static Route ReadRoute(DataValue value, SourceLocation location)
    {
        var map = new DataMapReader(value, location, "a route");
        var destinationText = map.RequiredString("Destination");
        var (network, length) = destinationText.Equals("default", StringComparison.OrdinalIgnoreCase)
            ? (System.Net.IPAddress.Any, (byte)0)
            : DataMapReader.SplitPrefix(destinationText, map.LocationOf("Destination"), "Destination", 32);
        if (!network.Equals(NetworkPrefix.Mask(network, length)))
        {
            throw new TopologyFormatException(map.LocationOf("Destination"),
                $"'{destinationText}' has host bits set; the network is {NetworkPrefix.Mask(network, length)}/{length}");
        }

        var gateway = map.IPv4("Gateway");
        var device = map.String("Device");
        if (device is not null)
        {
            map.Check("Device", () => InterfaceName.Validate(device));
        }

        var onLink = map.Bool("OnLink") ?? false;
        var source = map.IPv4("Source");
        var route = new Route(new IPNetwork(NetworkPrefix.Mask(network, length), length))
        {
            Gateway = gateway,
            Device = device,
            OnLink = onLink,
            Table = ReadTable(map),
            Metric = (uint)(map.Integer("Metric", 0, uint.MaxValue) ?? 0),
            Mtu = (int?)map.Integer("Mtu", RouteMtu.Minimum, RouteMtu.Maximum),
            PreferredSource = source,
            Protocol = Ownership.Protocol,
            // The rule iproute2 applies when no scope is given: universe via a gateway, link without.
            Scope = gateway is null ? RouteScope.Link : RouteScope.Global,
        };
        map.RejectUnknownKeys();
        if (onLink && (device is null || gateway is null))
        {
            throw new TopologyFormatException(map.LocationOf("OnLink"),
                "an onlink route needs both a Gateway and a Device: onlink means 'the gateway is on this device's link'");
        }

        if (gateway is null && device is null)
        {
            throw new TopologyFormatException(location, $"the route to {destinationText} needs a Gateway, a Device, or both");
        }

        return route;
    }

    private static RouteTable ReadTable(DataMapReader map)
    {
        if (map.Raw("Table") is DataScalar { Value: string name } && !uint.TryParse(name, out _))
        {
            return name.ToLowerInvariant() switch
            {
                "main" => RouteTable.Main,
                "default" => RouteTable.Default,
                _ => throw new TopologyFormatException(map.LocationOf("Table"), $"'{name}' is not a routing table; use 'main', 'default' or a number from 1 to 4294967295 (the local table is the kernel's)"),
            };
        }

        var table = (RouteTable)(map.Integer("Table", 0, uint.MaxValue) ?? (uint)RouteTable.Main);
        if (ManageableRouteTables.WhyNot(table) is string reason)
        {
            throw new TopologyFormatException(map.LocationOf("Table"), reason);
        }

        return table;
    }

    private static void RejectDuplicates<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, Func<T, string> describe, SourceLocation location,
        string namespaceName, string what)
        where TKey : notnull
    {
        var seen = new HashSet<TKey>();
        foreach (var item in items)
        {
            if (!seen.Add(key(item)))
            {
                throw new TopologyFormatException(location, $"{describe(item)} is declared twice in {NetNamespace.InWords(namespaceName)}; a namespace holds {what}");
            }
        }
    }

    /// <summary>A veth's far end must not land on a name another declaration uses in that namespace.</summary>
    private static void RejectClashingVethEnds(Topology topology, IReadOnlyDictionary<string, SourceLocation> locations)
    {
        var ends = new Dictionary<(string, string), string>();
        foreach (var ns in topology.Namespaces)
        {
            foreach (var link in ns.Links)
            {
                ends[(ns.Name, link.Name)] = $"{link.Describe()} in {NetNamespace.InWords(ns.Name)}";
            }
        }

        foreach (var ns in topology.Namespaces)
        {
            foreach (var veth in ns.Links.Where(l => l.PeerName is not null))
            {
                var end = (veth.PeerNamespace!, veth.PeerName!);
                var self = $"the peer of veth '{veth.Name}' in {NetNamespace.InWords(ns.Name)}";
                if (ends.TryGetValue(end, out var other))
                {
                    throw new TopologyFormatException(locations[ns.Name],
                        $"{self} is '{veth.PeerName}' in {NetNamespace.InWords(veth.PeerNamespace!)}, a name already taken by {other}",
                        "Declare a veth pair once, from one of its ends, and give the other end a free name.");
                }

                ends[end] = self;
            }
        }
    }
}
