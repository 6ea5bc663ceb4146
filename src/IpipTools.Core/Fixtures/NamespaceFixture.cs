using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;

namespace IpipTools.Core.Fixtures;

/// <summary>
/// A throwaway named namespace with its loopback up: the one way IpipTools' tests, its
/// labs (<see cref="Lab"/>) and the fixture cmdlets make a namespace they will delete. Its
/// <see cref="Namespace"/> property binds to -NetNamespace, so
/// <c>$fixture | New-IpipTunnel ...</c> works inside it. It deliberately has no Name
/// property, which would bind to the -Name of tunnel and link cmdlets, and reaches the
/// namespace through methods (<see cref="Target"/>, <see cref="Connect"/>), which bind nothing.
/// </summary>
public sealed class NamespaceFixture : NetworkFixture
{
    private readonly NetNamespace _target;

    private NamespaceFixture(string name, NetNamespace target)
    {
        Namespace = name;
        _target = target;
    }

    /// <summary>The namespace's name under /run/netns.</summary>
    public string Namespace { get; }

    public string Path => _target.Path!;

    public override IReadOnlyList<string> Namespaces => new[] { Namespace };

    /// <summary>
    /// Creates <c>PREFIX-xxxxxxxx</c> and brings its loopback up (pings to its own addresses
    /// need it), unless <paramref name="loopbackUp"/> is false: a namespace exactly as the
    /// kernel makes it, for tests of what IpipTools does there.
    /// </summary>
    public static NamespaceFixture Create(string prefix = "ipt", bool loopbackUp = true) => CreateNamed(UniqueName(prefix), loopbackUp);

    /// <summary>Creates the namespace <paramref name="name"/> (a lab's host).</summary>
    internal static NamespaceFixture CreateNamed(string name, bool loopbackUp = true)
    {
        var fixture = new NamespaceFixture(name, NetNamespaceStore.Create(name));
        try
        {
            if (loopbackUp)
            {
                using var client = fixture.Connect();
                client.Links.SetUp("lo", true);
            }
        }
        catch
        {
            fixture.Dispose();
            throw;
        }

        return fixture;
    }

    /// <summary>The namespace, for the core's operations.</summary>
    public NetNamespace Target() => _target;

    /// <summary>A new IpipTools connection into the namespace (dispose it).</summary>
    public RtnetlinkClient Connect() => RtnetlinkClient.Open(_target);

    protected override void Teardown() => DeleteNamespaces(Namespaces);

    public override string ToString() => Namespace;
}
