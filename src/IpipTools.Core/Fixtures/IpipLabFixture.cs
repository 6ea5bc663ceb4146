using System.Net;

namespace IpipTools.Core.Fixtures;

/// <summary>
/// Scenario S1, built the one way the code base builds it (the Pester scenario excepted,
/// which proves the cmdlets): two namespaces joined by veth pairs through a router and,
/// on request, the ipip tunnels between them. S1's router is the root namespace; here
/// it is a third namespace, so the lab never touches the host's own network.
/// <code>
///  Left  v1 10.10.10.2/24 ── v1-P 10.10.10.1/24  Router  v2-P 10.10.20.1/24 ── v2 10.10.20.2/24  Right
///  tunl 10.10.100.10 peer 10.10.200.10  ═══ ipip ═══  tunr 10.10.200.10 peer 10.10.100.10
/// </code>
/// </summary>
public sealed class IpipLabFixture : NetworkFixture
{
    private IpipLabFixture(Lab lab)
    {
        Lab = lab;
    }

    /// <summary>The lab S1 is built in: its hosts, the connections into them, what they had at first.</summary>
    public Lab Lab { get; }

    public string Left => LeftHost.Name;

    public string Right => RightHost.Name;

    public string Router => RouterHost.Name;

    public LabHost LeftHost => Lab.Hosts[0];

    public LabHost RightHost => Lab.Hosts[1];

    public LabHost RouterHost => Lab.Hosts[2];

    public override IReadOnlyList<string> Namespaces => Lab.Namespaces;

    public IPAddress LeftUnderlay { get; } = IPAddress.Parse("10.10.10.2");

    public IPAddress RightUnderlay { get; } = IPAddress.Parse("10.10.20.2");

    public string LeftTunnel => "tunl";

    public string RightTunnel => "tunr";

    public IPAddress LeftInner { get; } = IPAddress.Parse("10.10.100.10");

    public IPAddress RightInner { get; } = IPAddress.Parse("10.10.200.10");

    /// <summary>Whether the tunnels were made (they need a kernel with ipip).</summary>
    public bool HasTunnels { get; private set; }

    /// <summary>Builds S1 (namespaces PREFIX-xxxxxxxx-l, -r, -rt); on any failure everything made so far is removed before the error propagates.</summary>
    public static IpipLabFixture Create(string prefix = "ipl", bool withTunnels = false)
    {
        var lab = new Lab(prefix);
        try
        {
            var fixture = new IpipLabFixture(BuildUnderlay(lab));
            if (withTunnels)
            {
                fixture.BuildTunnels();
            }

            lab.CloseConnections();
            return fixture;
        }
        catch
        {
            lab.Dispose();
            throw;
        }
    }

    /// <summary>The hosts in the order of <see cref="LeftHost"/>, <see cref="RightHost"/>, <see cref="RouterHost"/>, wired and routed.</summary>
    private static Lab BuildUnderlay(Lab lab)
    {
        var left = lab.Host("l");
        var right = lab.Host("r");
        var router = lab.Router("rt");
        lab.Wire(left, "v1", "10.10.10.2/24", router, "v1-P", "10.10.10.1/24");
        lab.Wire(right, "v2", "10.10.20.2/24", router, "v2-P", "10.10.20.1/24");
        left.AddRoute("10.10.20.0/24", "10.10.10.1", "v1");
        right.AddRoute("10.10.10.0/24", "10.10.20.1", "v2");
        return lab;
    }

    private void BuildTunnels()
    {
        LeftHost.AddIpipTunnel(LeftTunnel, $"{LeftUnderlay}", $"{RightUnderlay}", $"{LeftInner}", $"{RightInner}");
        RightHost.AddIpipTunnel(RightTunnel, $"{RightUnderlay}", $"{LeftUnderlay}", $"{RightInner}", $"{LeftInner}");
        HasTunnels = true;
    }

    protected override void Teardown() => Lab.Dispose();

    public override string ToString() => $"S1 lab: {Left} <-> {Router} <-> {Right}{(HasTunnels ? $", {LeftTunnel}/{RightTunnel}" : string.Empty)}";
}
