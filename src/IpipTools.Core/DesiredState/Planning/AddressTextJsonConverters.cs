using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IpipTools.Core.DesiredState.Planning;

/// <summary>An IP address in plans and state as its text ("10.0.0.1"), as iproute2 and topologies write it.</summary>
public sealed class IPAddressJsonConverter : JsonConverter<IPAddress>
{
    public override IPAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IPAddress.TryParse(reader.GetString(), out var address) ? address : throw new JsonException($"'{reader.GetString()}' is not an IP address");

    public override void Write(Utf8JsonWriter writer, IPAddress value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

/// <summary>A prefix in plans and state as its text ("10.42.2.0/24").</summary>
public sealed class IPNetworkJsonConverter : JsonConverter<IPNetwork>
{
    public override IPNetwork Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IPNetwork.TryParse(reader.GetString(), out var network) ? network : throw new JsonException($"'{reader.GetString()}' is not a prefix such as 10.42.2.0/24");

    public override void Write(Utf8JsonWriter writer, IPNetwork value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
