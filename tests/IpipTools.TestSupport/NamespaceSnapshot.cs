using System.Text.Json.Nodes;

namespace IpipTools.TestSupport;

/// <summary>
/// Everything iproute2 reports about a namespace's IPv4 state (links, addresses,
/// routes in every table), its rules of both families, and the neighbour and bridge FDB
/// entries set by hand (permanent, static: the learned ones come and go), as text. Error tests take one before and one after a
/// refused operation: equal snapshots prove nothing was left behind. IPv6 is left
/// out because its link-local addresses change on their own (DAD) while a test runs,
/// and so is what a link's carrier changes on its own after a request that set it up
/// (the kernel's link watch, up to a second later): its operstate, the link flags
/// NO-CARRIER and LOWER_UP, and the routes' flag linkdown. A link's admin state (UP)
/// is kept: that is what a request sets.
/// </summary>
public static class NamespaceSnapshot
{
    private static readonly HashSet<string> CarrierFlags = new(StringComparer.Ordinal) { "NO-CARRIER", "LOWER_UP", "linkdown" };

    public static string Of(string netns) => string.Join('\n',
        Stable(Command.Ip(netns, "-j", "link", "show").EnsureSuccess("ip link show").Output),
        Stable(Command.Ip(netns, "-4", "-j", "addr", "show").EnsureSuccess("ip addr show").Output),
        Stable(Command.Ip(netns, "-4", "-j", "route", "show", "table", "all").EnsureSuccess("ip route show").Output),
        Stable(Command.Ip(netns, "-4", "-j", "rule", "show").EnsureSuccess("ip rule show").Output),
        Stable(Command.Ip(netns, "-6", "-j", "rule", "show").EnsureSuccess("ip -6 rule show").Output),
        Stable(Command.Ip(netns, "-j", "neigh", "show", "nud", "permanent").EnsureSuccess("ip neigh show").Output),
        string.Join('\n', Command.Run("bridge", "-n", netns, "fdb", "show").EnsureSuccess("bridge fdb show").Output
            .Split('\n').Where(line => line.Contains(" permanent", StringComparison.Ordinal) || line.Contains(" static", StringComparison.Ordinal))));

    /// <summary>ip's JSON without what the carrier changes on its own.</summary>
    private static string Stable(string json)
    {
        var node = JsonNode.Parse(json.Trim().Length == 0 ? "[]" : json);
        Strip(node);
        return node?.ToJsonString() ?? "[]";
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("operstate");
                if (obj["flags"] is JsonArray flags)
                {
                    foreach (var flag in flags.Where(f => f is JsonValue v && v.TryGetValue<string>(out var s) && CarrierFlags.Contains(s)).ToList())
                    {
                        flags.Remove(flag);
                    }
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Strip(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strip(child);
                }

                break;
        }
    }
}
