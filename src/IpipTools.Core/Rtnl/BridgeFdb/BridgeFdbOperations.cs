namespace IpipTools.Core.Rtnl.BridgeFdb;

/// <summary>The bridge forwarding database entries of one namespace (of bridges, their ports and vxlan devices): list, and add, append or delete in batches.</summary>
public sealed class BridgeFdbOperations
{
    private readonly RtnetlinkClient _client;

    internal BridgeFdbOperations(RtnetlinkClient client)
    {
        _client = client;
    }

    /// <summary>Every entry, as <c>bridge fdb show</c> lists them.</summary>
    public IReadOnlyList<BridgeFdbEntry> List()
    {
        var names = _client.Links.List().ToDictionary(l => l.Index, l => l.Name);
        return _client.Connection.Dump($"list bridge FDB entries {_client.Namespace.Describe()}", RtnlMessageType.GetNeighbor,
            w => w.WriteStruct(new Neighbors.NdMessage { Family = BridgeFdbReader.Family }),
            m => BridgeFdbReader.Read(m, names.GetValueOrDefault, _client.NamespaceName));
    }

    /// <summary>An empty batch of <paramref name="change"/>s (Add, Append or Delete), each add answered by the entry as the kernel lists it.</summary>
    public ReadBackBatch<BridgeFdbEntry> CreateBatch(EntryChange change) =>
        new(_client, new BridgeFdbCodec(_client), change, RtnlMessageType.NewNeighbor, RtnlMessageType.DeleteNeighbor);
}
