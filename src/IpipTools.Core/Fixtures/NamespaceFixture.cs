using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;

namespace IpipTools.Core.Fixtures;

/// <summary>
/// A temporary named namespace with its loopback up, for one test suite. Its
/// <see cref="Namespace"/> property binds to -NetNamespace, so
/// <c>$fixture | New-IpipTunnel ...</c> works inside it. It deliberately has no Name
/// property, which would bind to the -Name of tunnel and link cmdlets.
/// </summary>
public sealed class NamespaceFixture : NetworkFixture
{
    private NamespaceFixture(string name)
    {
        Namespace = name;
    }

    /// <summary>The namespace's name under /run/netns.</summary>
    public string Namespace { get; }

    public string Path => NetNamespace.Named(Namespace).Path!;

    public override IReadOnlyList<string> Namespaces => new[] { Namespace };

    /// <summary>Creates <c>PREFIX-xxxxxxxx</c> and brings its loopback up (pings to its own addresses need it).</summary>
    public static NamespaceFixture Create(string prefix = "ipt")
    {
        var fixture = new NamespaceFixture(UniqueName(prefix));
        var target = NetNamespaceStore.Create(fixture.Namespace);
        try
        {
            using var client = RtnetlinkClient.Open(target);
            client.Links.SetUp("lo", true);
        }
        catch
        {
            fixture.Dispose();
            throw;
        }

        return fixture;
    }

    protected override void Teardown() => DeleteNamespaces(Namespaces);

    public override string ToString() => Namespace;
}
