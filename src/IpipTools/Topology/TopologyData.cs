using System.Collections.Specialized;
using System.Management.Automation;

namespace IpipTools.Topology;

/// <summary>
/// Hands PowerShell values to the core's data reader, which knows nothing of PowerShell:
/// a PSObject becomes the object it wraps, and a PSCustomObject (ConvertFrom-Json makes
/// them) an ordered dictionary of its properties.
/// </summary>
public static class TopologyData
{
    public static object? Unwrap(object? value) => value switch
    {
        PSObject { BaseObject: PSCustomObject } custom => ToDictionary(custom),
        PSObject wrapped => wrapped.BaseObject,
        _ => value,
    };

    private static OrderedDictionary ToDictionary(PSObject custom)
    {
        var dictionary = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var property in custom.Properties)
        {
            dictionary[property.Name] = property.Value;
        }

        return dictionary;
    }
}
