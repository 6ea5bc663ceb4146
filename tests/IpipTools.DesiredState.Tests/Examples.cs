using IpipTools.Core.DesiredState;

namespace IpipTools.DesiredState.Tests;

/// <summary>The shipped example data files, read as they are (copied next to the tests at build time).</summary>
public static class Examples
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "examples", file);

    public static Topology Load(string file) => TopologyLoader.FromFile(PathOf(file));

    public const string S1 = "S1-point-to-point.psd1";

    public const string S6 = "S6-calico-mesh.psd1";

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
                Addresses = ns.Addresses.Where(a => !tunnels.Contains(a.Device)).ToList(),
                Routes = ns.Routes.Where(r => r.Device is null || !tunnels.Contains(r.Device)).ToList(),
            };
        }).ToList(),
    };
}
