using System.Globalization;
using System.Net;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.Core.Fixtures;

/// <summary>
/// One "host" of a <see cref="Lab"/>: a throwaway namespace (<see cref="NamespaceFixture"/>)
/// with a role name ("ns01", "router", "A"), one IpipTools connection into it, and the links
/// it had when it was made (lo and the tunnel modules' fallback devices), which is what a
/// torn-down host must be back to. The methods say what the reference documents do with
/// iproute2, in the same words.
/// </summary>
public sealed class LabHost
{
    private RtnetlinkClient? _client;

    internal LabHost(string role, NamespaceFixture fixture)
    {
        Role = role;
        Fixture = fixture;
        InitialLinks = Client.Links.List().Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The scenario's name for this host, e.g. "ns01".</summary>
    public string Role { get; }

    /// <summary>The host's namespace.</summary>
    public NamespaceFixture Fixture { get; }

    /// <summary>The namespace's name under /run/netns (what <c>ip -n</c> and -NetNamespace take).</summary>
    public string Name => Fixture.Namespace;

    public NetNamespace Target => Fixture.Target();

    /// <summary>Links present right after creation, by name.</summary>
    public IReadOnlySet<string> InitialLinks { get; }

    /// <summary>The host's IpipTools connection, opened on first use; one thread at a time.</summary>
    public RtnetlinkClient Client => _client ??= Fixture.Connect();

    /// <summary><c>ip addr add ADDRESS[/PREFIX] [peer PEER] dev DEVICE</c>, e.g. ("veth01", "192.168.6.101/24").</summary>
    public void AddAddress(string device, string address, string? peer = null)
    {
        var (ip, prefix) = ParseAddress(address);
        Client.Addresses.Add(new InterfaceAddress(device, ip, prefix, peer is null ? null : IPAddress.Parse(peer)));
    }

    /// <summary><c>ip route add DESTINATION [via GATEWAY] [dev DEVICE] [onlink]</c>.</summary>
    public void AddRoute(string destination, string? gateway, string? device = null, bool onLink = false) =>
        Client.Routes.Add(new Route(IPNetwork.Parse(destination.Contains('/') ? destination : destination + "/32"))
        {
            Gateway = gateway is null ? null : IPAddress.Parse(gateway),
            Device = device,
            OnLink = onLink,
        });

    /// <summary><c>ip link set DEVICE up</c>.</summary>
    public void SetUp(string device) => Client.Links.SetUp(device, true);

    /// <summary>
    /// <c>ip tunnel add NAME mode ipip remote REMOTE local LOCAL; ip link set NAME up</c>,
    /// and with <paramref name="address"/> <c>ip addr add ADDRESS peer PEER dev NAME</c>:
    /// the point-to-point tunnel every document builds.
    /// </summary>
    public IpTunnel AddIpipTunnel(string name, string local, string remote, string? address = null, string? peer = null)
    {
        var tunnel = Client.Tunnels.Create(Link.Of(name, new IpipParameters
        {
            Local = IPAddress.Parse(local),
            Remote = IPAddress.Parse(remote),
        }) with
        { IsUp = true });
        if (address is not null)
        {
            AddAddress(name, address, peer);
        }

        return tunnel;
    }

    /// <summary>
    /// Deletes every link made since the host was (tunnels first, then bridges and veths),
    /// through IpipTools, and says what could not be deleted.
    /// </summary>
    internal IEnumerable<string> RemoveAddedLinks()
    {
        var problems = new List<string>();
        var added = Client.Links.List().Where(l => !InitialLinks.Contains(l.Name))
            .OrderBy(l => l.KindParameters is Ipv4TunnelParameters ? 0 : 1)
            .ToList();
        foreach (var link in added)
        {
            try
            {
                // Deleting one end of a veth takes the other with it, maybe already gone.
                if (Client.Links.Find(link.Name) is null)
                {
                    continue;
                }

                if (link.KindParameters is Ipv4TunnelParameters)
                {
                    Client.Tunnels.Delete(link.Name);
                }
                else
                {
                    Client.Links.Delete(link.Name);
                }
            }
            catch (Errors.IpipToolsException e)
            {
                problems.Add($"{this}: cannot delete {link.Name}: {e.Message}");
            }
        }

        return problems;
    }

    /// <summary>Closes the connection (the namespace itself goes with the lab).</summary>
    internal void Disconnect()
    {
        _client?.Dispose();
        _client = null;
    }

    public override string ToString() => $"{Role} ({Name})";

    /// <summary>"10.0.0.1/24" → (10.0.0.1, 24); "10.0.0.1" → (10.0.0.1, null: the whole address).</summary>
    private static (IPAddress Address, byte? PrefixLength) ParseAddress(string text)
    {
        var slash = text.IndexOf('/');
        return slash < 0
            ? (IPAddress.Parse(text), null)
            : (IPAddress.Parse(text[..slash]), byte.Parse(text[(slash + 1)..], CultureInfo.InvariantCulture));
    }
}
