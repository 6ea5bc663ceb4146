using System.Text.Json;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.TestSupport;

/// <summary>
/// What must agree between iproute2's view of a link (<c>ip -d -j link</c>) and
/// ours. Both sides are reduced to this record independently, so a test compares
/// two records and a failure shows the differing field.
/// </summary>
public sealed record LinkFacts(
    string Name,
    int Index,
    string? Kind,
    int Mtu,
    string Flags,
    OperationalState OperationalState,
    ushort DeviceType,
    string? Address,
    string? Master,
    string? Peer)
{
    // iproute2's own names (ip/ipaddress.c, lib/ll_types.c), not ours, so a naming bug on our side shows.
    private static readonly Dictionary<string, OperationalState> OperStates = new()
    {
        ["UNKNOWN"] = OperationalState.Unknown, ["NOTPRESENT"] = OperationalState.NotPresent, ["DOWN"] = OperationalState.Down,
        ["LOWERLAYERDOWN"] = OperationalState.LowerLayerDown, ["TESTING"] = OperationalState.Testing,
        ["DORMANT"] = OperationalState.Dormant, ["UP"] = OperationalState.Up,
    };

    private static readonly Dictionary<string, ushort> LinkTypes = new()
    {
        ["ether"] = 1, ["ipip"] = 768, ["loopback"] = 772, ["sit"] = 776, ["gre"] = 778, ["none"] = 65534,
    };

    /// <summary>
    /// Flags iproute2 prints that are not IFF_* bits: NO-CARRIER (up without RUNNING)
    /// and M-DOWN (the lower device is down).
    /// </summary>
    private static readonly HashSet<string> PseudoFlags = new() { "NO-CARRIER", "M-DOWN" };

    public static LinkFacts FromOracle(JsonElement link)
    {
        string? peer = null;
        if (link.TryGetProperty("link_netnsid", out var netnsId))
        {
            peer = $"#{link.GetProperty("link_index").GetInt32()}@netnsid {netnsId.GetInt32()}";
        }
        else if (link.TryGetProperty("link", out var linkName) && linkName.ValueKind == JsonValueKind.String)
        {
            peer = linkName.GetString();
        }

        var linkType = link.String("link_type") ?? "none";
        return new LinkFacts(
            link.String("ifname")!,
            link.Int("ifindex")!.Value,
            link.InfoKind(),
            link.Int("mtu")!.Value,
            string.Join(",", link.Strings("flags").Where(f => !PseudoFlags.Contains(f))),
            OperStates[link.String("operstate")!],
            LinkTypes.TryGetValue(linkType, out var type) ? type : throw new InvalidOperationException($"unmapped link_type {linkType}"),
            link.String("address"),
            link.String("master"),
            peer);
    }

    /// <param name="nameOfIndex">Names of the links in the same namespace, by index.</param>
    public static LinkFacts From(Link link, Func<int, string?> nameOfIndex) => new(
        link.Name,
        link.Index,
        link.Kind,
        link.Mtu ?? 0,
        link.Flags.ToIpString(),
        link.OperationalState,
        (ushort)link.DeviceType,
        link.HardwareAddress,
        link.MasterIndex == 0 ? null : nameOfIndex(link.MasterIndex),
        link.LinkedIndex == 0 ? null
            : link.LinkedNamespaceId is int id ? $"#{link.LinkedIndex}@netnsid {id}"
            : nameOfIndex(link.LinkedIndex));

    /// <summary>Every link of a namespace as iproute2 reports it, sorted by index.</summary>
    public static IReadOnlyList<LinkFacts> AllFromOracle(string? netns) =>
        IpOracle.Links(netns).EnumerateArray().Select(FromOracle).OrderBy(l => l.Index).ToList();

    /// <summary>Every link as we report it, sorted by index.</summary>
    public static IReadOnlyList<LinkFacts> AllFrom(IReadOnlyList<Link> links)
    {
        var names = links.ToDictionary(l => l.Index, l => l.Name);
        return links.Select(l => From(l, i => names.GetValueOrDefault(i))).OrderBy(l => l.Index).ToList();
    }
}
