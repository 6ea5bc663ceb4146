using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Rtnl.Neighbors;

/// <summary>
/// What a <see cref="ReadBackBatch{T}"/> of neighbour entries needs: each device read once
/// (its index, and its own address's length, which a neighbour's must match), the encoder,
/// the errors, and one listing per family to find what was made.
/// </summary>
internal sealed class NeighborCodec : IEntryCodec<Neighbor>
{
    private readonly RtnetlinkClient _client;
    private readonly Dictionary<string, Link> _devices = new(StringComparer.Ordinal);

    public NeighborCodec(RtnetlinkClient client)
    {
        _client = client;
    }

    public string Noun => "neighbour entry";

    public RequestBodyWriter Prepare(Neighbor entry, EntryChange change)
    {
        InterfaceName.Validate(entry.Device);
        var device = Device(entry.Device);
        var linkLayerAddress = NeighborEncoder.Validate(entry, change, device);
        return w => NeighborEncoder.Write(w, entry, device.Index, linkLayerAddress, change == EntryChange.Delete);
    }

    public NetlinkException Explain(NetlinkException error, Neighbor entry, EntryChange change) => NeighborErrors.Explain(error, entry, change);

    public IReadOnlyList<Neighbor> ListLike(IReadOnlyList<Neighbor> requested) =>
        requested.Select(n => (n.Family, n.Proxy)).Distinct().SelectMany(k => _client.Neighbors.List(k.Family, k.Proxy)).ToList();

    public bool IsMadeBy(Neighbor requested, Neighbor read) => requested.IsMadeBy(read);

    private Link Device(string name)
    {
        if (!_devices.TryGetValue(name, out var link))
        {
            link = _client.Links.Get(name);
            _devices[name] = link;
        }

        return link;
    }
}
