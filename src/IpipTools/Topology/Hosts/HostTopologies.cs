using System.Collections;
using System.Collections.Specialized;
using IpipTools.Core.Errors;

namespace IpipTools.Topology.Hosts;

/// <summary>
/// The Hosts section of topology data: one topology per host, either as a hashtable of host
/// name → topology (<c>Hosts = @{ 'node-a' = @{ Namespaces = @(...) } }</c>) or as a list of
/// topologies that each name their host (<c>Hosts = @( @{ HostName = 'node-a'; Namespaces = @(...) } )</c>).
/// In each host's topology the namespace '' is that host's own (the one its PowerShell session runs in).
/// </summary>
public static class HostTopologies
{
    public const string HostsKey = "Hosts";
    public const string HostNameKey = "HostName";

    /// <summary>Whether <paramref name="data"/> has a Hosts section.</summary>
    public static bool HasHosts(IDictionary data) => Find(data, HostsKey) is not null;

    /// <summary>Each host's name and topology, in the order given.</summary>
    public static IReadOnlyList<(string HostName, IDictionary Topology)> Read(IDictionary data)
    {
        if (Find(data, "Namespaces") is not null)
        {
            throw Invalid("the data has both Hosts and Namespaces at the top",
                "Put each host's namespaces inside its entry under Hosts, or leave Hosts out to configure this machine only.");
        }

        var hosts = new List<(string, IDictionary)>();
        switch (TopologyData.Unwrap(Find(data, HostsKey)!.Value.Value))
        {
            case IDictionary byName:
                foreach (DictionaryEntry entry in byName)
                {
                    hosts.Add((Name(entry.Key), Topology(entry.Value, $"Hosts['{entry.Key}']")));
                }

                break;
            case IEnumerable list and not string:
                var index = 0;
                foreach (var item in list)
                {
                    var where = $"Hosts[{index++}]";
                    var topology = Topology(item, where);
                    var name = Find(topology, HostNameKey)?.Value
                        ?? throw Invalid($"{where} names no host", "Give each entry of a Hosts list a HostName, e.g. @{ HostName = 'node-a'; Namespaces = @( ... ) }.");
                    var rest = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in topology)
                    {
                        if (!string.Equals(entry.Key.ToString(), HostNameKey, StringComparison.OrdinalIgnoreCase))
                        {
                            rest[entry.Key] = entry.Value;
                        }
                    }

                    hosts.Add((Name(TopologyData.Unwrap(name)), rest));
                }

                break;
            default:
                throw Invalid("Hosts is neither a hashtable of host name → topology nor a list of topologies with a HostName",
                    "Write Hosts = @{ 'node-a' = @{ Namespaces = @( ... ) } } or Hosts = @( @{ HostName = 'node-a'; Namespaces = @( ... ) } ).");
        }

        if (hosts.Count == 0)
        {
            throw Invalid("Hosts names no host", "Give at least one host under Hosts.");
        }

        var twice = hosts.GroupBy(h => h.Item1, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw Invalid($"the host '{twice.Key}' appears twice under Hosts", "Give each host one topology: merge its namespaces into one entry.");
        }

        return hosts;
    }

    private static DictionaryEntry? Find(IDictionary data, string key)
    {
        foreach (DictionaryEntry entry in data)
        {
            if (string.Equals(entry.Key?.ToString(), key, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        return null;
    }

    private static IDictionary Topology(object? value, string where) =>
        TopologyData.Unwrap(value) as IDictionary
        ?? throw Invalid($"{where} is not a topology (a hashtable such as @{{ Namespaces = @( ... ) }})", "Give each host a hashtable with its Namespaces.");

    private static string Name(object? value) =>
        value?.ToString() is { Length: > 0 } name ? name
        : throw Invalid("a host name under Hosts is empty", "Name each host as ssh would reach it: a host name or an address, optionally user@host.");

    private static IpipToolsException Invalid(string problem, string action) =>
        new($"The topology's Hosts section is not valid: {problem}.", "TopologyHostsInvalid", IpipErrorCategory.InvalidArgument, action);
}
