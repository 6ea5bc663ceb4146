using System.Collections;
using System.Globalization;
using System.Net;

namespace IpipTools.Core.DesiredState.Data;

/// <summary>
/// Turns in-memory objects (a PowerShell hashtable, dictionaries, arrays, strings,
/// numbers, booleans) into <see cref="DataValue"/>s. The module passes an unwrap function
/// that strips PowerShell's wrappers (PSObject), which the core cannot know.
/// </summary>
public static class ObjectDataReader
{
    public static DataValue Read(object? value, string source = "the hashtable", Func<object?, object?>? unwrap = null) =>
        Convert(value, new SourceLocation(source, 0, 0, string.Empty), unwrap ?? (v => v), depth: 0);

    private static DataValue Convert(object? value, SourceLocation location, Func<object?, object?> unwrap, int depth)
    {
        if (depth > 64)
        {
            throw new TopologyFormatException(location, "the data nests deeper than 64 levels (a hashtable that contains itself?)");
        }

        value = unwrap(value);
        switch (value)
        {
            case null:
                return new DataScalar(location, null);
            case string or bool:
                return new DataScalar(location, value);
            case char c:
                return new DataScalar(location, c.ToString());
            case byte or sbyte or short or ushort or int or uint or long:
                return new DataScalar(location, System.Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case ulong u:
                return u <= long.MaxValue ? new DataScalar(location, (long)u) : new DataScalar(location, (double)u);
            case float or double or decimal:
                return new DataScalar(location, System.Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case IPAddress or IPNetwork or Enum:
                return new DataScalar(location, value.ToString());
            case IDictionary dictionary:
                var map = new DataMap(location);
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = unwrap(entry.Key)?.ToString() ?? string.Empty;
                    if (!map.TryAdd(key, Convert(entry.Value, location.Child(key), unwrap, depth + 1)))
                    {
                        throw new TopologyFormatException(location.Child(key), $"the key '{key}' appears twice (keys are matched in any letter case)");
                    }
                }

                return map;
            case IEnumerable sequence:
                var items = new List<DataValue>();
                foreach (var item in sequence)
                {
                    items.Add(Convert(item, location.Item(items.Count), unwrap, depth + 1));
                }

                return new DataList(location, items);
            default:
                throw new TopologyFormatException(location,
                    $"a value of type {value.GetType().Name} cannot be topology data; use hashtables, arrays, strings, numbers and booleans");
        }
    }
}
