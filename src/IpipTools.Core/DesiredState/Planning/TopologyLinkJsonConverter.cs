using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Planning;

/// <summary>
/// A link in a saved plan (FormatVersion 3) as one object: the <see cref="Rtnl.Links.Link"/>'s
/// properties and beside them the few a <see cref="TopologyLink"/> adds (Underlay, PeerUp,
/// PeerMaster, Exclusive). Written as the record is, a step's link came out nested, as
/// <c>"Link": { "Link": { "Name": ... }, "Exclusive": false }</c>, the step's property and
/// the record's having the same name. Reads both shapes: an object whose "Link" is an object
/// is the nested one FormatVersion 2 wrote (a link itself has no property of that name).
/// </summary>
public sealed class TopologyLinkJsonConverter : JsonConverter<TopologyLink>
{
    /// <summary>The settings the two parts are written and read with: the plan's, without this converter.</summary>
    private readonly JsonSerializerOptions _parts;
    private HashSet<string>? _topologyFacts;

    public TopologyLinkJsonConverter(JsonSerializerOptions parts)
    {
        _parts = parts;
    }

    /// <summary>
    /// The names of what a <see cref="TopologyLink"/> adds to its link, as JSON names them: the
    /// properties it reads besides the link (the others, such as Name, only pass the link's on).
    /// </summary>
    private HashSet<string> TopologyFacts => _topologyFacts ??= _parts.GetTypeInfo(typeof(TopologyLink)).Properties
        .Where(p => p.Set is not null && p.Name != nameof(TopologyLink.Link)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public override TopologyLink Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException("a link that is not an object");
        if (node[nameof(TopologyLink.Link)] is not JsonObject)
        {
            var link = new JsonObject();
            foreach (var (name, value) in node.Where(p => !TopologyFacts.Contains(p.Key)).ToList())
            {
                node.Remove(name);
                link[name] = value;
            }

            node[nameof(TopologyLink.Link)] = link;
        }

        return node.Deserialize<TopologyLink>(_parts) ?? throw new JsonException("a link that is null");
    }

    public override void Write(Utf8JsonWriter writer, TopologyLink value, JsonSerializerOptions options)
    {
        var flat = JsonSerializer.SerializeToNode(value.Link, _parts) as JsonObject ?? throw new JsonException($"link '{value.Name}' wrote no object");
        var facts = JsonSerializer.SerializeToNode(value, _parts) as JsonObject ?? throw new JsonException($"link '{value.Name}' wrote no object");
        foreach (var (name, fact) in facts.Where(p => p.Key != nameof(TopologyLink.Link)).ToList())
        {
            facts.Remove(name);
            flat[name] = fact;
        }

        flat.WriteTo(writer, options);
    }
}
