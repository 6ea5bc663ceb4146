using IpipTools.Core.Rtnl;
using System.Text.Json;
using System.Text.Json.Nodes;
using IpipTools.Core.DesiredState;
using IpipTools.TestSupport;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.DesiredState.Tests.Live;

/// <summary>
/// A small topology the host kernel can build (no tunnels): a router namespace 'r' with a
/// bridge and two veths to hosts 'h1' and 'h2', addresses, a default route, an MTU'd route,
/// an onlink route and forwarding. Tests edit it to make drift, conflicts and failures.
/// </summary>
internal static class HostLab
{
    public const string Text = """
        {
            "Namespaces": [
                {
                    "Name": "r",
                    "Forwarding": true,
                    "Bridges": [ { "Name": "br0" } ],
                    "Veths": [
                        { "Name": "r-h1", "Peer": "eth0", "PeerNamespace": "h1", "Master": "br0" },
                        { "Name": "r-h2", "Peer": "eth0", "PeerNamespace": "h2", "Mtu": 1450 }
                    ],
                    "Addresses": [
                        { "Device": "br0", "Address": "10.1.0.1/24" },
                        { "Device": "r-h2", "Address": "10.2.0.1/24" }
                    ]
                },
                {
                    "Name": "h1",
                    "Addresses": [ { "Device": "eth0", "Address": "10.1.0.2/24" } ],
                    "Routes": [
                        { "Destination": "default", "Gateway": "10.1.0.1" },
                        { "Destination": "10.9.0.0/24", "Gateway": "10.1.0.1", "Device": "eth0", "Mtu": 1400 },
                        { "Destination": "10.42.2.0/24", "Gateway": "192.0.2.2", "Device": "eth0", "OnLink": true }
                    ]
                },
                {
                    "Name": "h2",
                    "Addresses": [ { "Device": "eth0", "Address": "10.2.0.2/24" } ],
                    "Routes": [ { "Destination": "default", "Gateway": "10.2.0.1" } ]
                }
            ]
        }
        """;

    public static readonly string[] Names = { "r", "h1", "h2" };

    /// <summary>The lab (or <paramref name="text"/>) under the throwaway names of <paramref name="lab"/>.</summary>
    public static Topology Load(TopologyLab lab, string text = Text) => lab.Map(TopologyLoader.FromJson(text, "hostlab.json"));

    /// <summary>Builds the lab and returns it converged.</summary>
    public static Topology Build(TopologyLab lab, string text = Text)
    {
        var topology = Load(lab, text);
        using var clients = new ClientPool();
        TopologyEngine.Set(topology, clients);
        return topology;
    }

    /// <summary>
    /// What iproute2 reports about the lab's namespaces (links in detail, IPv4 addresses,
    /// routes in every table, forwarding), minus what changes by itself (operational state,
    /// bridge timers, address lifetimes). Two equal snapshots: nothing was left different.
    /// </summary>
    public static string Snapshot(TopologyLab lab) => string.Join("\n", Names.Select(n => lab[n]).Select(ns =>
        NetnsExists(ns)
            ? string.Join("\n", ns,
                Clean(Command.Ip(ns, "-d", "-j", "link", "show").EnsureSuccess("ip link").Output),
                Clean(Command.Ip(ns, "-4", "-j", "addr", "show").EnsureSuccess("ip addr").Output),
                Command.Ip(ns, "-4", "-j", "route", "show", "table", "all").EnsureSuccess("ip route").Output.Trim(),
                Command.Run("ip", "netns", "exec", ns, "cat", "/proc/sys/net/ipv4/ip_forward").Output.Trim())
            : $"{ns} absent"));

    public static void Ip(TopologyLab lab, string ns, params string[] arguments) =>
        Command.Ip(lab[ns], arguments).EnsureSuccess($"ip {string.Join(' ', arguments)}");

    private static bool NetnsExists(string name) => File.Exists(Path.Combine("/run/netns", name));

    private static string Clean(string json)
    {
        var array = JsonNode.Parse(json)!.AsArray();
        foreach (var item in array)
        {
            Strip(item!.AsObject());
        }

        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static void Strip(JsonObject node)
    {
        foreach (var key in node.Select(p => p.Key).ToList())
        {
            if (key is "operstate" or "valid_life_time" or "preferred_life_time" || key.EndsWith("_timer", StringComparison.Ordinal))
            {
                node.Remove(key);
            }
            else if (node[key] is JsonObject child)
            {
                Strip(child);
            }
            else if (node[key] is JsonArray list)
            {
                foreach (var element in list.OfType<JsonObject>())
                {
                    Strip(element);
                }
            }
        }
    }
}
