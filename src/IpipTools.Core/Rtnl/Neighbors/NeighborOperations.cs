namespace IpipTools.Core.Rtnl.Neighbors;

/// <summary>The ARP and NDP entries of one namespace: list, and add, change or delete in batches.</summary>
public sealed class NeighborOperations
{
    private readonly RtnetlinkClient _client;

    internal NeighborOperations(RtnetlinkClient client)
    {
        _client = client;
    }

    /// <summary>
    /// The entries of one family (<c>ip neigh show nud all</c>), or with <paramref name="proxy"/>
    /// the proxy entries (<c>ip neigh show proxy</c>), which the kernel keeps in a table of their own.
    /// </summary>
    public IReadOnlyList<Neighbor> List(IpFamily family, bool proxy = false)
    {
        var names = _client.Links.List().ToDictionary(l => l.Index, l => l.Name);
        return _client.Connection.Dump($"list {family} {(proxy ? "proxy " : string.Empty)}neighbour entries {_client.Namespace.Describe()}", RtnlMessageType.GetNeighbor,
                w => w.WriteStruct(new NdMessage { Family = (byte)family, Flags = proxy ? NeighborFlags.Proxy : NeighborFlags.None }),
                m => NeighborReader.Read(m, names.GetValueOrDefault, _client.NamespaceName))
            .Where(n => n.Family == family && n.Proxy == proxy)
            .ToList();
    }

    /// <summary>An empty batch of <paramref name="change"/>s (Add, Change or Delete), each add or change answered by the entry as the kernel lists it.</summary>
    public ReadBackBatch<Neighbor> CreateBatch(EntryChange change) =>
        new(_client, new NeighborCodec(_client), change, RtnlMessageType.NewNeighbor, RtnlMessageType.DeleteNeighbor);
}
