using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.Rtnl.BridgeFdb;

/// <summary>What a <see cref="ReadBackBatch{T}"/> of FDB entries needs: device indexes resolved once, the encoder, the errors, one listing to find what was made.</summary>
internal sealed class BridgeFdbCodec : IEntryCodec<BridgeFdbEntry>
{
    private readonly RtnetlinkClient _client;
    private readonly DeviceIndexCache _devices;

    public BridgeFdbCodec(RtnetlinkClient client)
    {
        _client = client;
        _devices = new DeviceIndexCache(client);
    }

    public string Noun => "FDB entry";

    public RequestBodyWriter Prepare(BridgeFdbEntry entry, EntryChange change)
    {
        Links.InterfaceName.Validate(entry.Device);
        var mac = BridgeFdbEncoder.Validate(entry);
        var index = _devices.IndexOf(entry.Device);
        return w => BridgeFdbEncoder.Write(w, entry, index, mac, change == EntryChange.Delete);
    }

    public NetlinkException Explain(NetlinkException error, BridgeFdbEntry entry, EntryChange change) => BridgeFdbErrors.Explain(error, entry, change);

    public IReadOnlyList<BridgeFdbEntry> ListLike(IReadOnlyList<BridgeFdbEntry> requested) => _client.BridgeFdb.List();

    public bool IsMadeBy(BridgeFdbEntry requested, BridgeFdbEntry read) => requested.IsMadeBy(read);
}
