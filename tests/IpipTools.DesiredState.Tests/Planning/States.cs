using System.Net;
using IpipTools.Core.DesiredState;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.DesiredState.Tests.Planning;

/// <summary>Made-up desired and read states for planner tests, written the way the kernel would report them.</summary>
internal static class States
{
    public static Topology Desired(string json) => TopologyLoader.FromJson(json, "test.json");

    /// <summary>A desired topology of one namespace "a", whose body is <paramref name="body"/> (the members of a JSON object).</summary>
    public static Topology InA(string body) => Desired($$"""{ "Namespaces": [ { "Name": "a", {{body}} } ] }""");

    public static Topology Read(params NamespaceConfig[] namespaces) => new() { Namespaces = namespaces };

    public static NamespaceConfig Ns(string name, IEnumerable<LinkConfig>? links = null, IEnumerable<AddressConfig>? addresses = null,
        IEnumerable<Route>? routes = null, bool forwarding = false) => new()
    {
        Name = name,
        Forwarding = forwarding,
        Links = (links ?? Array.Empty<LinkConfig>()).Prepend(Lo).ToList(),
        Addresses = (addresses ?? Array.Empty<AddressConfig>()).ToList(),
        Routes = (routes ?? Array.Empty<Route>()).ToList(),
    };

    public static NamespaceConfig Missing(string name) => new() { Name = name, Exists = false };

    public static readonly LinkConfig Lo = new() { Name = "lo", Up = true, Mtu = 65536, Index = 1 };

    public static LinkConfig Owned(LinkConfig link) => link with { Alias = Ownership.LinkAlias };

    public static LinkConfig Bridge(string name, int index, bool up = true) =>
        new() { Name = name, Kind = "bridge", Up = up, Mtu = 1500, Index = index, HardwareAddress = Mac(index) };

    public static LinkConfig Veth(string name, int index, int peerIndex, bool up = true, string? master = null) =>
        new() { Name = name, Kind = "veth", Up = up, Mtu = 1500, Index = index, ParentIndex = peerIndex, Master = master, HardwareAddress = Mac(index) };

    public static LinkConfig Tunnel(string name, int index, TunnelConfig tunnel, bool up = true) =>
        new() { Name = name, Kind = "ipip", Up = up, Mtu = 1480, Index = index, Tunnel = tunnel };

    public static LinkConfig Tunl0(bool up = false) => Tunnel("tunl0", 2, new TunnelConfig(), up);

    public static AddressConfig Address(string device, string address, byte length, byte protocol = Ownership.AddressProtocol, string? peer = null) =>
        new() { Device = device, Address = address, PrefixLength = length, Protocol = protocol, Peer = peer };

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
