namespace IpipTools.Core.DesiredState.Data;

/// <summary>
/// A value of topology data, whatever it was read from (.psd1, JSON, a hashtable): a map,
/// a list or a scalar, each knowing where it came from so every error can point at it.
/// </summary>
public abstract class DataValue
{
    protected DataValue(SourceLocation location)
    {
        Location = location;
    }

    public SourceLocation Location { get; }

    /// <summary>"a hashtable", "an array", "the string 'x'", for messages.</summary>
    public abstract string Describe();
}

/// <summary>A hashtable / JSON object. Keys compare case-insensitively, as PowerShell's do; order is kept.</summary>
public sealed class DataMap : DataValue
{
    private readonly Dictionary<string, DataValue> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<KeyValuePair<string, DataValue>> _entries = new();

    public DataMap(SourceLocation location)
        : base(location)
    {
    }

    public IReadOnlyList<KeyValuePair<string, DataValue>> Entries => _entries;

    /// <summary>Adds an entry; false if the key (in any letter case) is already there.</summary>
    public bool TryAdd(string key, DataValue value)
    {
        if (!_byKey.TryAdd(key, value))
        {
            return false;
        }

        _entries.Add(new(key, value));
        return true;
    }

    public DataValue? Get(string key) => _byKey.GetValueOrDefault(key);

    public override string Describe() => "a hashtable";
}

/// <summary>An array / JSON array.</summary>
public sealed class DataList : DataValue
{
    public DataList(SourceLocation location, IReadOnlyList<DataValue> items)
        : base(location)
    {
        Items = items;
    }

    public IReadOnlyList<DataValue> Items { get; }

    public override string Describe() => "an array";
}

/// <summary>A string, a number (long or double), a boolean or null.</summary>
public sealed class DataScalar : DataValue
{
    public DataScalar(SourceLocation location, object? value)
        : base(location)
    {
        Value = value;
    }

    public object? Value { get; }

    public override string Describe() => Value switch
    {
        null => "$null",
        string s => $"the string '{s}'",
        bool b => b ? "$true" : "$false",
        _ => $"the number {Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture)}",
    };
}
