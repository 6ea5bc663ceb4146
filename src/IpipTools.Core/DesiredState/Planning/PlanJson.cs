using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IpipTools.Core.DesiredState.Topologies;
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
    /// The settings of a saved plan (FormatVersion 3): <see cref="Options"/>, with each link
    /// one object (<see cref="TopologyLinkJsonConverter"/>) that leaves out what it does not
    /// set (<see cref="LeaveOutLinkDefaults"/>). <see cref="Options"/> itself stays as it was,
    /// since a state fingerprint is the digest of what it writes: a plan saved by an earlier
    /// IpipTools must still find the state it was made against.
    /// </summary>
    public static readonly JsonSerializerOptions SavedPlan = SavedPlanOptions();

    private static JsonSerializerOptions SavedPlanOptions()
    {
        var parts = new JsonSerializerOptions(Options)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutWhatOnlyTheKernelSays, LeaveOutLinkDefaults } },
        };
        return new JsonSerializerOptions(parts) { Converters = { new TopologyLinkJsonConverter(parts) } };
    }

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

    /// <summary>
    /// A link's property (of the link, its kind's parameters, its tunnel encapsulation, or what
    /// a topology adds to it) is left out when it has the value reading the plan gives it when
    /// it is absent: the value of the record made as the reader makes it, with no property set.
    /// That is not always the type's default (a tunnel's PathMtuDiscovery is true unless said
    /// otherwise), so a false one is written. Required properties, and those only written for
    /// the reader (no setter, such as a kind's "Kind"), are always written.
    /// </summary>
    private static void LeaveOutLinkDefaults(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !IsLinkPart(info.Type) || info.Type.IsAbstract || Unset(info) is not { } unset)
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.Set is not null && !p.IsRequired && p.Get is not null))
        {
            var absent = property.Get!(unset);
            var written = property.ShouldSerialize;
            property.ShouldSerialize = (owner, value) => (written?.Invoke(owner, value) ?? true) && !Equals(value, absent);
        }
    }

    private static bool IsLinkPart(Type type) =>
        type == typeof(TopologyLink) || type == typeof(Link) || type == typeof(TunnelEncapsulation) || typeof(LinkKindParameters).IsAssignableFrom(type);

    /// <summary>
    /// A record of <paramref name="info"/>'s type as the reader makes it before it sets what it
    /// read: from its parameterless constructor, or from its constructor with each parameter's
    /// default (what the reader passes for a parameter that is absent); null when it cannot be made.
    /// </summary>
    private static object? Unset(JsonTypeInfo info)
    {
        if (info.CreateObject is { } create)
        {
            return create();
        }

        var constructors = info.Type.GetConstructors();
        if (constructors.Length != 1)
        {
            return null;
        }

        var arguments = constructors[0].GetParameters()
            .Select(p => p.HasDefaultValue ? p.DefaultValue : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)
            .ToArray();
        try
        {
            return constructors[0].Invoke(arguments);
        }
        catch (System.Reflection.TargetInvocationException)
        {
            return null;
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
