using System.Text.Json;
using System.Text.Json.Nodes;
using IpipTools.TestSupport;

namespace IpipTools.Reliability.Tests;

/// <summary>
/// `ip -d -j` of links, IPv4 addresses and routes of every table, for namespaces a refused
/// request must leave alone: equal snapshots before and after prove nothing was left
/// behind. Bridge timers count down on their own and IPv6 link-local addresses come and go
/// with DAD, so those are left out; everything a refused request could leave is in.
/// </summary>
public static class StateSnapshot
{
    /// <summary>One line per link, address and route, prefixed with its namespace.</summary>
    public static string Of(params string[] namespaces) => string.Join('\n', namespaces.SelectMany(ns => new[]
    {
        Stable(ns, IpOracle.Json(ns, "link", "show")),
        Stable(ns, IpOracle.Json(ns, "-4", "addr", "show")),
        Stable(ns, IpOracle.Json(ns, "-4", "route", "show", "table", "all")),
    }));

    /// <summary>Asserts two snapshots are equal, naming only the lines that differ.</summary>
    public static void AssertUnchanged(string before, string after)
    {
        if (before == after)
        {
            return;
        }

        var old = before.Split('\n');
        var now = after.Split('\n');
        Xunit.Assert.Fail("the state changed:\n- " + string.Join("\n- ", old.Except(now)) + "\n+ " + string.Join("\n+ ", now.Except(old)));
    }

    private static string Stable(string ns, JsonElement json)
    {
        var node = JsonNode.Parse(json.GetRawText())!;
        Strip(node);
        return string.Join('\n', node.AsArray().Select(item => $"{ns}: {item!.ToJsonString()}"));
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).Where(k => k.EndsWith("_timer", StringComparison.Ordinal)).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, child) in obj)
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
