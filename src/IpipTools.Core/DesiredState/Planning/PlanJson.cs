using System.Text.Json;
using System.Text.Json.Serialization;

namespace IpipTools.Core.DesiredState;

/// <summary>The one set of JSON settings for plans and state: indented, enums by name, addresses and prefixes as text, nulls left out.</summary>
public static class PlanJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(), new IPAddressJsonConverter(), new IPNetworkJsonConverter() },
    };
}
