using IpipTools.Core.DesiredState.Data;
namespace IpipTools.Core.DesiredState.Mesh;

/// <summary>
/// Reads a mesh's peers from data, in either of two shapes: a hashtable of block → underlay
/// address (<c>@{ '10.42.2.0/24' = '172.16.165.244'; ... }</c>, compact for many peers), or
/// a list of hashtables with Block and Underlay.
/// </summary>
public static class MeshPeers
{
    public static IReadOnlyList<MeshPeer> Read(DataValue data) => data switch
    {
        DataList list => list.Items.Select((item, i) => ReadOne(item, data.Location.Item(i))).ToList(),
        DataMap map when map.Get("Block") is not null => new[] { ReadOne(map, data.Location) },
        DataMap map => map.Entries.Select(e => new MeshPeer(e.Key, e.Value is DataScalar { Value: string underlay } ? underlay
            : throw new TopologyFormatException(data.Location.Child(e.Key), $"the underlay address of block {e.Key} must be a string, not {e.Value.Describe()}"))).ToList(),
        _ => throw new TopologyFormatException(data.Location, $"the peers must be a hashtable of block = underlay address, or a list of @{{ Block = ...; Underlay = ... }}, not {data.Describe()}"),
    };

    private static MeshPeer ReadOne(DataValue value, SourceLocation location)
    {
        var map = new DataMapReader(value, location, "a mesh peer");
        var peer = new MeshPeer(map.RequiredString("Block"), map.RequiredString("Underlay"));
        map.RejectUnknownKeys();
        return peer;
    }
}
