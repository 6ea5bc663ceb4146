using System.Net;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.DesiredState.Tests.Planning;

/// <summary>Made-up desired and read states for planner tests, written the way the kernel would report them.</summary>
internal static class States
{
    public static Topology Desired(string json) => TopologyLoader.FromJson(json, "test.json");

    /// <summary>A desired topology of one namespace "a", whose body is <paramref name="body"/> (the members of a JSON object).</summary>
    public static Topology InA(string body) => Desired($$"""{ "Namespaces": [ { "Name": "a", {{body}} } ] }""");

    public static Topology Read(params NamespaceConfig[] namespaces) => new() { Namespaces = namespaces };

    public static NamespaceConfig Ns(string name, IEnumerable<TopologyLink>? links = null, IEnumerable<InterfaceAddress>? addresses = null,
        IEnumerable<Route>? routes = null, bool forwarding = false) => new()
    {
        Name = name,
        Forwarding = forwarding,
        Links = (links ?? Array.Empty<TopologyLink>()).Prepend(Lo).ToList(),
        Addresses = (addresses ?? Array.Empty<InterfaceAddress>()).ToList(),
        Routes = (routes ?? Array.Empty<Route>()).ToList(),
    };

    public static NamespaceConfig Missing(string name) => new() { Name = name, Exists = false };

    public static readonly TopologyLink Lo = Read(new Link { Name = "lo", IsUp = true, Mtu = 65536, Index = 1 });

    public static TopologyLink Owned(TopologyLink link) => link.With(l => l with { Alias = Ownership.LinkAlias });

    public static TopologyLink Bridge(string name, int index, bool up = true) =>
        Read(new Link { Name = name, KindParameters = new BridgeParameters(), IsUp = up, Mtu = 1500, Index = index, HardwareAddress = Mac(index) });

    public static TopologyLink Veth(string name, int index, int peerIndex, bool up = true, string? master = null) =>
        Read(new Link { Name = name, KindParameters = new VethParameters(null), IsUp = up, Mtu = 1500, Index = index, LinkedIndex = peerIndex, Master = master, HardwareAddress = Mac(index) });

    public static TopologyLink Tunnel(string name, int index, Ipv4TunnelParameters tunnel, bool up = true, string? underlay = null) =>
        Read(new Link { Name = name, KindParameters = tunnel, IsUp = up, Mtu = 1480, Index = index }) with { Underlay = underlay };

    public static TopologyLink Tunl0(bool up = false) => Tunnel("tunl0", 2, new IpipParameters(), up);

    /// <summary>A read link as the state reader hands it over.</summary>
    public static TopologyLink Read(Link link) => new() { Link = link };

    public static IPAddress Ip(string address) => IPAddress.Parse(address);

    public static InterfaceAddress Address(string device, string address, byte length, AddressProtocol protocol = Ownership.AddressProtocol, string? peer = null) =>
        new(device, IPAddress.Parse(address), length, peer is null ? null : IPAddress.Parse(peer)) { Protocol = protocol };

    public static Route Route(string destination, string? gateway, string device, bool onLink = false, RouteProtocol protocol = Ownership.Protocol,
        int? mtu = null, uint metric = 0) => new(IPNetwork.Parse(destination))
    {
        Gateway = gateway is null ? null : IPAddress.Parse(gateway),
        Device = device,
        OnLink = onLink,
        Protocol = protocol,
        Mtu = mtu,
        Metric = metric,
        Scope = gateway is null ? RouteScope.Link : RouteScope.Global,
        Type = RouteType.Unicast,
    };

    /// <summary>The connected route the kernel adds for an address.</summary>
    public static Route Connected(string destination, string device) =>
        Route(destination, null, device, protocol: RouteProtocol.Kernel);

    /// <summary>"Add Link", "Change LinkState", ... for each step, to compare plans at a glance.</summary>
    public static string[] Summary(TopologyPlan plan) => plan.Steps.Select(s => $"{s.Action} {s.Kind} {s.Target}").ToArray();

    private static string Mac(int index) => $"02:00:00:00:00:{index:x2}";
}
