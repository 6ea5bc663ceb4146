namespace IpipTools.Core.DesiredState.Topologies;

/// <summary>
/// A set of namespaces with their links, addresses, routes and forwarding: what a data
/// file declares (veth pairs once, at the end named by Name), or what was read from the
/// kernel (every link in the namespace it is in).
/// </summary>
public sealed record Topology
{
    public IReadOnlyList<NamespaceConfig> Namespaces { get; init; } = Array.Empty<NamespaceConfig>();

    public NamespaceConfig? Find(string name) => Namespaces.FirstOrDefault(n => n.Name == name);

    /// <summary>
    /// The same topology with its namespaces renamed by <paramref name="map"/> (names it does
    /// not know stay as they are), veth peers included. It lets one file describe a lab that
    /// is built under other names, such as throwaway namespaces in tests.
    /// </summary>
    public Topology RenameNamespaces(IReadOnlyDictionary<string, string> map)
    {
        string Rename(string name) => map.TryGetValue(name, out var renamed) ? renamed : name;
        return this with
        {
            Namespaces = Namespaces.Select(n => n with
            {
                Name = Rename(n.Name),
                Links = n.Links.Select(l => l.PeerName is null ? l : l.WithPeer(l.PeerName, Rename(l.PeerNamespace!))).ToList(),
            }).ToList(),
        };
    }

    /// <summary>Every namespace the topology touches: its sections and the namespaces its veth peers are in.</summary>
    public IReadOnlyList<string> NamespaceNamesInvolved() =>
        Namespaces.Select(n => n.Name)
            .Concat(Namespaces.SelectMany(n => n.Links).Select(l => l.PeerNamespace).OfType<string>())
            .Distinct()
            .ToList();
}
