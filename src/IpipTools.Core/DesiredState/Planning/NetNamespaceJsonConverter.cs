using System.Text.Json;
using System.Text.Json.Serialization;
using IpipTools.Core.Namespaces;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.Core.DesiredState.Planning;

/// <summary>A namespace in plans and state as a topology names it: "" for the current one, else its name or the path of its file.</summary>
public sealed class NetNamespaceJsonConverter : JsonConverter<NetNamespace>
{
    public override NetNamespace Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TopologyNamespace.Resolve(reader.GetString() ?? TopologyNamespace.Current);

    public override void Write(Utf8JsonWriter writer, NetNamespace value, JsonSerializerOptions options) =>
        writer.WriteStringValue(TopologyNamespace.Of(value));
}
