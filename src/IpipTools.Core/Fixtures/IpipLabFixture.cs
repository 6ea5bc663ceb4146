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
/// Scenario S1 as a fixture: two namespaces joined by veth pairs through a router and,
/// on request, the ipip tunnels between them. S1's router is the root namespace; here
/// it is a third namespace, so the fixture never touches the host's own network.
/// <code>
///  Left  v1 10.10.10.2/24 ── v1-P 10.10.10.1/24  Router  v2-P 10.10.20.1/24 ── v2 10.10.20.2/24  Right
///  tunl 10.10.100.10 peer 10.10.200.10  ═══ ipip ═══  tunr 10.10.200.10 peer 10.10.100.10
/// </code>
/// </summary>
public sealed class IpipLabFixture : NetworkFixture
{
    private IpipLabFixture(string prefix)
    {
        var stem = UniqueName(prefix);
        Left = stem + "-l";
        Right = stem + "-r";
        Router = stem + "-rt";
    }

    public string Left { get; }

    public string Right { get; }

    public string Router { get; }

    public override IReadOnlyList<string> Namespaces => new[] { Left, Right, Router };

    public IPAddress LeftUnderlay { get; } = IPAddress.Parse("10.10.10.2");

    public IPAddress RightUnderlay { get; } = IPAddress.Parse("10.10.20.2");

    public string LeftTunnel => "tunl";

    public string RightTunnel => "tunr";

    public IPAddress LeftInner { get; } = IPAddress.Parse("10.10.100.10");

    public IPAddress RightInner { get; } = IPAddress.Parse("10.10.200.10");

    /// <summary>Whether the tunnels were made (they need a kernel with ipip).</summary>
    public bool HasTunnels { get; private set; }

    public static Commands.ChangeDescription Describe(string prefix, bool withTunnels) =>
        new($"new namespaces {prefix}-xxxxxxxx-l, -r and -rt",
            $"Create the S1 lab (veth pairs through a router namespace, forwarding, routes{(withTunnels ? ", ipip tunnels tunl/tunr" : string.Empty)})");

    /// <summary>Builds the lab; on any failure everything made so far is removed before the error propagates.</summary>
    public static IpipLabFixture Create(string prefix = "ipl", bool withTunnels = false)
    {
        var lab = new IpipLabFixture(prefix);
        try
        {
            lab.BuildUnderlay();
            if (withTunnels)
            {
                lab.BuildTunnels();
            }
        }
        catch
        {
            lab.Dispose();
            throw;
        }

        return lab;
    }

    private void BuildUnderlay()
    {
        var left = NetNamespaceStore.Create(Left);
        var right = NetNamespaceStore.Create(Right);
        var router = NetNamespaceStore.Create(Router);
        using (var r = RtnetlinkClient.Open(router))
        {
            r.Links.SetUp("lo", true);
            r.Links.Add(new LinkSpec("v1-P", new VethParameters("v1", left)) { Up = true });
            r.Links.Add(new LinkSpec("v2-P", new VethParameters("v2", right)) { Up = true });
            r.Addresses.Add(new AddressSpec("v1-P", IPAddress.Parse("10.10.10.1"), 24));
            r.Addresses.Add(new AddressSpec("v2-P", IPAddress.Parse("10.10.20.1"), 24));
        }

        Ipv4Forwarding.Set(router, true);
        ConfigureEnd(left, "v1", LeftUnderlay, "10.10.20.0/24", "10.10.10.1");
        ConfigureEnd(right, "v2", RightUnderlay, "10.10.10.0/24", "10.10.20.1");
    }

    private static void ConfigureEnd(NetNamespace target, string device, IPAddress address, string farNetwork, string gateway)
    {
        using var client = RtnetlinkClient.Open(target);
        client.Links.SetUp("lo", true);
        client.Links.SetUp(device, true);
        client.Addresses.Add(new AddressSpec(device, address, 24));
        client.Routes.Add(new Route(IPNetwork.Parse(farNetwork)) { Gateway = IPAddress.Parse(gateway), Device = device });
    }

    private void BuildTunnels()
    {
        MakeTunnel(NetNamespace.Named(Left), LeftTunnel, LeftUnderlay, RightUnderlay, LeftInner, RightInner);
        MakeTunnel(NetNamespace.Named(Right), RightTunnel, RightUnderlay, LeftUnderlay, RightInner, LeftInner);
        HasTunnels = true;
    }

    private static void MakeTunnel(NetNamespace target, string name, IPAddress local, IPAddress remote, IPAddress inner, IPAddress peer)
    {
        using var client = RtnetlinkClient.Open(target);
        client.Tunnels.Create(new TunnelSpec(name, new IpipParameters { Local = local, Remote = remote }) { Up = true });
        client.Addresses.Add(new AddressSpec(name, inner, null, peer));
    }

    protected override void Teardown() => DeleteNamespaces(Namespaces);

    public override string ToString() => $"S1 lab: {Left} <-> {Router} <-> {Right}{(HasTunnels ? $", {LeftTunnel}/{RightTunnel}" : string.Empty)}";
}
