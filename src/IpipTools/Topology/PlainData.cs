using System.Collections.Specialized;
using IpipTools.Core.DesiredState.Data;

namespace IpipTools.Topology;

/// <summary>
/// A data file's values (<see cref="DataValue"/>, as read with their lines and columns) as
/// PowerShell holds data: hashtables whose keys ignore letter case (ordered, in the file's
/// order), object[] arrays, strings, numbers, booleans and $null. That is what
/// Import-PowerShellDataFile gives for a .psd1, and ConvertFrom-Json -AsHashtable for a
/// .json: a file whose data goes on as data (a Hosts section, sent to each host it names)
/// is then handled exactly as that data given with -InputObject.
/// </summary>
public static class PlainData
{
    public static object? From(DataValue value) => value switch
    {
        DataMap map => ToDictionary(map),
        DataList list => list.Items.Select(From).ToArray(),
        DataScalar scalar => scalar.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "not a kind of data value"),
    };

    public static OrderedDictionary ToDictionary(DataMap map)
    {
        var dictionary = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, item) in map.Entries)
        {
            dictionary[key] = From(item);
        }

        return dictionary;
    }
}
