using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.DesiredState.Tests;

/// <summary>
/// The shipped examples (examples/*.psd1) as JSON (tests/topologies/*.json, copied next to
/// the tests at build time): the core reads no .psd1, the module does. The Pester suite
/// checks that each JSON holds the same data as its example (TopologyData.Tests.ps1).
/// </summary>
public static class Examples
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "topologies", file);

    public static Topology Load(string file) => TopologyLoader.FromFile(PathOf(file));

    public const string S1 = "S1-point-to-point.json";

    public const string S6 = "S6-calico-mesh.json";

    /// <summary>
    /// The topology without its tunnels and what lives on them: the parts the host kernel
    /// (which has no ipip driver) can build.
    /// </summary>
    public static Topology WithoutTunnels(Topology topology) => topology with
    {
        Namespaces = topology.Namespaces.Select(ns =>
        {
            var tunnels = ns.Links.Where(l => l.Tunnel is not null).Select(l => l.Name).ToHashSet();
            return ns with
            {
                Links = ns.Links.Where(l => !tunnels.Contains(l.Name)).ToList(),
                Addresses = ns.Addresses.Where(a => !tunnels.Contains(a.InterfaceName)).ToList(),
                Routes = ns.Routes.Where(r => r.Device is null || !tunnels.Contains(r.Device)).ToList(),
            };
        }).ToList(),
    };
}
