using System.Text.Json;
using System.Text.Json.Serialization;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.DesiredState.Kinds;

namespace IpipTools.Core.DesiredState.Planning;

/// <summary>
/// A link's kind parameters in plans and state: the record's own properties, with its
/// "Kind" ("gre") telling which record to read back. A kind topologies do not manage reads
/// back as <see cref="UnknownKindParameters"/>; plans never create or restore one.
/// </summary>
public sealed class LinkKindParametersJsonConverter : JsonConverter<LinkKindParameters>
{
    public override LinkKindParameters Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var kind = document.RootElement.TryGetProperty(nameof(LinkKindParameters.Kind), out var k) ? k.GetString() : null;
        if (kind is null)
        {
            throw new JsonException("link parameters without a Kind");
        }

        // A kind's creation defaults are of its parameters' record type, which is what is read here.
        return TopologyKinds.Find(kind) is { } creatable
            ? (LinkKindParameters)(document.RootElement.Deserialize(creatable.CreationDefaults.GetType(), options)
                ?? throw new JsonException($"no parameters for kind '{kind}'"))
            : new UnknownKindParameters(kind);
    }

    public override void Write(Utf8JsonWriter writer, LinkKindParameters value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, value.GetType(), options);
}
