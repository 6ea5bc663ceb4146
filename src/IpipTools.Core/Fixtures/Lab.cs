using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Fixtures;

/// <summary>
/// The one lab builder: a reference scenario out of namespaces, every "host" of the documents
/// a <see cref="LabHost"/> and a "router" (the documents' root namespace) one more, so a lab
/// never touches the namespace it is built from and many run side by side. The fixture
/// cmdlets' S1 (<see cref="IpipLabFixture"/>), the C# tests and the benchmarks all build
/// with it. Dispose deletes the namespaces (their links go with them), whatever happened;
/// <see cref="RemoveAddedLinks"/> first removes what was added link by link, for tests
/// that prove a clean teardown.
/// </summary>
public sealed class Lab : NetworkFixture
{
    private readonly List<LabHost> _hosts = new();
    private readonly List<string> _reserved = new();
    private readonly string _stem;

    /// <param name="prefix">A short tag for the namespace names, e.g. "s3": hosts are <c>s3-xxxxxxxx-ROLE</c>.</param>
    public Lab(string prefix)
    {
        _stem = UniqueName(prefix);
        using var caller = RtnetlinkClient.Open();
        CallerLinks = caller.Links.List().Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<LabHost> Hosts => _hosts;

    public override IReadOnlyList<string> Namespaces => _hosts.Select(h => h.Name).Union(_reserved).ToList();

    /// <summary>The links of the namespace the lab was built from, when it began (a lab must leave them as they were).</summary>
    public IReadOnlySet<string> CallerLinks { get; }

    /// <summary>
    /// The namespace name of the host <paramref name="role"/>, without making it: for code under
    /// test that creates namespaces itself (the desired-state engine). The lab deletes it too.
    /// </summary>
    public string NameFor(string role)
    {
        var name = $"{_stem}-{role}";
        if (!_reserved.Contains(name))
        {
            _reserved.Add(name);
        }

        return name;
    }

    /// <summary>A host: a new namespace with lo up.</summary>
    public LabHost Host(string role)
    {
        var fixture = NamespaceFixture.CreateNamed(NameFor(role));
        LabHost host;
        try
        {
            host = new LabHost(role, fixture);
        }
        catch
        {
            fixture.Dispose();
            throw;
        }

        _hosts.Add(host);
        return host;
    }

    /// <summary>A router: a host that forwards IPv4 (net.ipv4.ip_forward=1).</summary>
    public LabHost Router(string role)
    {
        var host = Host(role);
        Ipv4Forwarding.Set(host.Target, true);
        return host;
    }

    /// <summary>A switch: a host holding one bridge, up, for a shared segment (<see cref="Plug"/>).</summary>
    public LabHost Switch(string role, string bridge)
    {
        var host = Host(role);
        host.Client.Links.Add(Link.Of(bridge, new BridgeParameters()) with { IsUp = true });
        return host;
    }

    /// <summary>
    /// A veth pair from <paramref name="a"/> to <paramref name="b"/>, both ends up, each end
    /// given its address ("192.168.6.101/24") unless null.
    /// </summary>
    public void Wire(LabHost a, string aDevice, string? aAddress, LabHost b, string bDevice, string? bAddress)
    {
        a.Client.Links.Add(Link.Of(aDevice, new VethParameters(bDevice, b.Target) { PeerIsUp = true }) with { IsUp = true }, clientFor: _ => b.Client);
        if (aAddress is not null)
        {
            a.AddAddress(aDevice, aAddress);
        }

        if (bAddress is not null)
        {
            b.AddAddress(bDevice, bAddress);
        }
    }

    /// <summary>Connects <paramref name="host"/> to the bridge of a <see cref="Switch"/> through port <paramref name="port"/>.</summary>
    public void Plug(LabHost host, string hostDevice, string hostAddress, LabHost @switch, string bridge, string port)
    {
        Wire(host, hostDevice, hostAddress, @switch, port, null);
        @switch.Client.Links.SetMaster(port, bridge);
    }

    /// <summary>
    /// Removes every link the lab added (tunnels first, then bridges and veths) through
    /// IpipTools, host by host, and says what could not be removed; the namespaces stay
    /// until Dispose.
    /// </summary>
    public IReadOnlyList<string> RemoveAddedLinks() => _hosts.SelectMany(h => h.RemoveAddedLinks()).ToList();

    /// <summary>
    /// Closes the hosts' connections (each opens again on next use): a lab handed to a
    /// PowerShell session then holds no socket into its namespaces, and an open socket would
    /// keep a namespace alive after someone deleted it by hand.
    /// </summary>
    public void CloseConnections()
    {
        foreach (var host in _hosts)
        {
            host.Disconnect();
        }
    }

    /// <summary>Deletes every host's namespace, even when one of them fails; then throws the first failure.</summary>
    protected override void Teardown()
    {
        Exception? first = null;
        foreach (var host in _hosts)
        {
            try
            {
                host.Disconnect();
                host.Fixture.Dispose();
            }
            catch (Exception e) when (e is Errors.IpipToolsException or IOException)
            {
                first ??= e;
            }
        }

        try
        {
            DeleteNamespaces(_reserved);
        }
        catch (Exception e) when (e is Errors.IpipToolsException or IOException)
        {
            first ??= e;
        }

        if (first is not null)
        {
            throw first;
        }
    }

    public override string ToString() => $"lab {_stem}: {string.Join(", ", _hosts)}";
}
