using System.Net;
using IpipTools.Core.Model;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.TestSupport;

/// <summary>
/// One "host" of a reference scenario: a throwaway namespace with a role name ("ns01",
/// "router", "A"), one IpipTools connection into it, and the links it had when it was
/// made (lo and the tunnel modules' fallback devices), which is what a torn-down node
/// must be back to. Built by <see cref="LabBuilder"/>.
/// </summary>
public sealed class LabNode
{
    private RtnetlinkClient? _client;

    internal LabNode(string role, TestNamespace testNamespace)
    {
        Role = role;
        Namespace = testNamespace;
        // Read through IpipTools (no process: they are slow to start in the emulated VM);
        // the teardown compares iproute2's list with it.
        InitialLinks = Client.Links.List().Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The scenario's name for this host, e.g. "ns01".</summary>
    public string Role { get; }

    public TestNamespace Namespace { get; }

    /// <summary>The namespace's name under /run/netns (what `ip -n` takes).</summary>
    public string Name => Namespace.Name;

    /// <summary>Links present right after creation, by name.</summary>
    public IReadOnlySet<string> InitialLinks { get; }

    /// <summary>The node's IpipTools connection, opened on first use; one thread at a time.</summary>
    public RtnetlinkClient Client => _client ??= Namespace.Connect();

    /// <summary><c>ip addr add ADDRESS[/PREFIX] [peer PEER] dev DEVICE</c>, e.g. ("veth01", "192.168.6.101/24").</summary>
    public void AddAddress(string device, string address, string? peer = null)
    {
        var (ip, prefix) = ParseAddress(address);
        Client.Addresses.Add(new AddressSpec(device, ip, prefix, peer is null ? null : IPAddress.Parse(peer)));
    }

    /// <summary><c>ip route add DESTINATION [via GATEWAY] [dev DEVICE] [onlink]</c>.</summary>
    public void AddRoute(string destination, string? gateway, string? device = null, bool onLink = false) =>
        Client.Routes.Add(new Route(IPNetwork.Parse(destination.Contains('/') ? destination : destination + "/32"))
        {
            Gateway = gateway is null ? null : IPAddress.Parse(gateway),
            Device = device,
            OnLink = onLink,
        });

    public void SetUp(string device) => Client.Links.SetUp(device, true);

    /// <summary>
    /// <c>ip tunnel add NAME mode ipip remote REMOTE local LOCAL; ip link set NAME up</c>,
    /// and with <paramref name="address"/> <c>ip addr add ADDRESS peer PEER dev NAME</c>:
    /// the point-to-point tunnel every document builds.
    /// </summary>
    public IpTunnel AddIpipTunnel(string name, string local, string remote, string? address = null, string? peer = null)
    {
        var tunnel = Client.Tunnels.Create(new TunnelSpec(name, new IpipParameters
        {
            Local = IPAddress.Parse(local),
            Remote = IPAddress.Parse(remote),
        })
        { Up = true });
        if (address is not null)
        {
            AddAddress(name, address, peer);
        }

        return tunnel;
    }

    /// <summary>One echo request, answered within three seconds (see <see cref="TestNamespace.Ping(string, string?)"/>).</summary>
    public bool Ping(string address, string? source = null) => Namespace.Ping(address, source);

    /// <summary>Starts tcpdump on <paramref name="device"/> of this node (see <see cref="PacketCapture.Start"/>).</summary>
    public PacketCapture Capture(string device, string filter, int count) => PacketCapture.Start(Name, device, filter, count);

    public override string ToString() => $"{Role} ({Name})";

    /// <summary>"10.0.0.1/24" → (10.0.0.1, 24); "10.0.0.1" → (10.0.0.1, null: the whole address).</summary>
    internal static (IPAddress Address, byte? PrefixLength) ParseAddress(string text)
    {
        var slash = text.IndexOf('/');
        return slash < 0
            ? (IPAddress.Parse(text), null)
            : (IPAddress.Parse(text[..slash]), byte.Parse(text[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Closes the connection (the namespace itself goes with the lab).</summary>
    internal void Disconnect()
    {
        _client?.Dispose();
        _client = null;
    }
}
