using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.DesiredState.Planning;

/// <summary>
/// The one set of JSON settings for plans and state: indented, enums by name, addresses,
/// prefixes and namespaces as text, nulls left out, links with what makes them again.
/// </summary>
public static class PlanJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters =
        {
            new JsonStringEnumConverter(), new IPAddressJsonConverter(), new IPNetworkJsonConverter(),
            new NetNamespaceJsonConverter(), new LinkKindParametersJsonConverter(),
        },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutWhatOnlyTheKernelSays } },
    };

    /// <summary>
    /// What the kernel reports of a link but nobody asks of it (statistics, operational
    /// state, device type, flags other than up), and what follows from a kind (its fallback
    /// device, its mode text), is left out: a plan carries what creates, changes or restores
    /// a link, and a state fingerprint must not change with a packet counter.
    /// </summary>
    private static void LeaveOutWhatOnlyTheKernelSays(JsonTypeInfo info)
    {
        if (info.Type == typeof(Link))
        {
            var reported = new[] { nameof(Link.Kind), nameof(Link.Statistics), nameof(Link.OperationalState), nameof(Link.DeviceType), nameof(Link.Flags) };
            Remove(info, p => reported.Contains(p.Name));
        }
        else if (typeof(LinkKindParameters).IsAssignableFrom(info.Type))
        {
            // Only the settable properties, and the kind that tells the record.
            Remove(info, p => p.Set is null && p.Name != nameof(LinkKindParameters.Kind));
        }
    }

    private static void Remove(JsonTypeInfo info, Func<JsonPropertyInfo, bool> unwanted)
    {
        foreach (var property in info.Properties.Where(unwanted).ToList())
        {
            info.Properties.Remove(property);
        }
    }
}
