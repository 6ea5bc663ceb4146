namespace IpipTools.Core.Rtnl.Links;

/// <summary>Resolves device names to indexes once per operation, so a batch of routes or links costs one lookup per device.</summary>
internal sealed class DeviceIndexCache
{
    private readonly RtnetlinkClient _client;
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);

    public DeviceIndexCache(RtnetlinkClient client)
    {
        _client = client;
    }

    /// <summary>The index of <paramref name="name"/>, 0 for null; throws LinkNotFound if there is no such link.</summary>
    public int IndexOf(string? name)
    {
        if (name is null)
        {
            return 0;
        }

        if (!_indexes.TryGetValue(name, out var index))
        {
            index = _client.Links.IndexOf(name);
            _indexes[name] = index;
        }

        return index;
    }

    /// <summary>The name of a device this cache resolved, null for any other index (read routes name their device by index).</summary>
    public string? NameOf(int index)
    {
        foreach (var (name, known) in _indexes)
        {
            if (known == index)
            {
                return name;
            }
        }

        return null;
    }
}
