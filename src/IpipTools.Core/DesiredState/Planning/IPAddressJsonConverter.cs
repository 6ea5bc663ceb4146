using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IpipTools.Core.DesiredState;

/// <summary>IP addresses in plans and state as the text <c>ip</c> prints ("10.10.10.2"), which is how plans always wrote them.</summary>
public sealed class IPAddressJsonConverter : JsonConverter<IPAddress>
{
    public override IPAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return IPAddress.TryParse(text, out var address) ? address : throw new JsonException($"'{text}' is not an IP address.");
    }

    public override void Write(Utf8JsonWriter writer, IPAddress value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
