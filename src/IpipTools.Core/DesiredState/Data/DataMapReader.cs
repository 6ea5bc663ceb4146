using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IpipTools.Core.Errors;
using IpipTools.Core.DesiredState.Data;

namespace IpipTools.Core.DesiredState.Data;

/// <summary>
/// Reads the fields of one hashtable of topology data, strictly: every value must have
/// the expected type, and <see cref="RejectUnknownKeys"/> refuses keys nobody asked for,
/// so a typo ("Gatway") is an error with its place rather than a silently ignored setting.
/// </summary>
internal sealed class DataMapReader
{
    private readonly DataMap _map;
    private readonly string _what;
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);

    public DataMapReader(DataValue value, SourceLocation location, string what)
    {
        Location = location;
        _what = what;
        _map = value as DataMap ?? throw new TopologyFormatException(location, $"{what} must be a hashtable (@{{ ... }}), not {value.Describe()}");
    }

    public SourceLocation Location { get; }

    public SourceLocation LocationOf(string key) => At(_map.Get(key), key);

    public DataValue? Raw(string key)
    {
        _known.Add(key);
        var value = _map.Get(key);
        return value is DataScalar { Value: null } ? null : value;
    }

    public string? String(string key)
    {
        var value = Raw(key);
        return value switch
        {
            null => null,
            DataScalar { Value: string s } => s,
            _ => throw Wrong(key, value, "a string"),
        };
    }

    public string RequiredString(string key) =>
        String(key) is { Length: > 0 } s ? s : throw new TopologyFormatException(LocationOf(key), $"{_what} needs '{key}'");

    public bool? Bool(string key)
    {
        var value = Raw(key);
        return value switch
        {
            null => null,
            DataScalar { Value: bool b } => b,
            _ => throw Wrong(key, value, "$true or $false"),
        };
    }

    public long? Integer(string key, long min, long max)
    {
        var value = Raw(key);
        if (value is null)
        {
            return null;
        }

        var number = value switch
        {
            DataScalar { Value: long l } => l,
            DataScalar { Value: double d } when d == Math.Floor(d) && Math.Abs(d) < 1e15 => (long)d,
            DataScalar { Value: string s } when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw Wrong(key, value, "a whole number"),
        };
        if (number < min || number > max)
        {
            throw new TopologyFormatException(At(value, key), $"'{key}' is {number}, outside the range {min} to {max}");
        }

        return number;
    }

    /// <summary>An array of hashtables (a single hashtable counts as an array of one, as PowerShell would unroll it).</summary>
    public IEnumerable<(DataValue Value, SourceLocation Location)> List(string key)
    {
        var value = Raw(key);
        var location = At(value, key);
        return value switch
        {
            null => Enumerable.Empty<(DataValue, SourceLocation)>(),
            DataList list => list.Items.Select((item, i) => (item, location.Item(i, item.Location.Line, item.Location.Column))),
            _ => new[] { (value, location) },
        };
    }

    public IPAddress? IPv4(string key)
    {
        var text = String(key);
        return text is null ? null : ParseIPv4(text, LocationOf(key), key);
    }

    /// <summary>Refuses keys that no reader asked for, naming the ones that exist.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (key, value) in _map.Entries)
        {
            if (!_known.Contains(key))
            {
                throw new TopologyFormatException(At(value, key),
                    $"'{key}' is not a setting of {_what}; the settings are {string.Join(", ", _known.Order(StringComparer.OrdinalIgnoreCase))}");
            }
        }
    }

    /// <summary>Runs a core validation and reports its failure at <paramref name="key"/>.</summary>
    public void Check(string key, Action validate)
    {
        try
        {
            validate();
        }
        catch (IpipToolsException e) when (e is not TopologyFormatException)
        {
            throw new TopologyFormatException(LocationOf(key), e.Message.TrimEnd('.'), e.RecommendedAction, e);
        }
    }

    public static IPAddress ParseIPv4(string text, SourceLocation location, string key)
    {
        if (!IPAddress.TryParse(text, out var address) || text.Contains('/'))
        {
            throw new TopologyFormatException(location, $"'{key}' is '{text}', which is not an IP address");
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new TopologyFormatException(location, $"'{key}' is '{text}', an IPv6 address; topologies manage IPv4 addresses and routes only");
        }

        return address;
    }

    /// <summary>"10.0.0.1/24" → (10.0.0.1, 24); without a prefix length, <paramref name="defaultLength"/>.</summary>
    public (IPAddress Address, byte PrefixLength) AddressWithPrefix(string key, byte defaultLength)
    {
        var text = RequiredString(key);
        return SplitPrefix(text, LocationOf(key), key, defaultLength);
    }

    public static (IPAddress Address, byte PrefixLength) SplitPrefix(string text, SourceLocation location, string key, byte defaultLength)
    {
        var slash = text.IndexOf('/');
        var address = ParseIPv4(slash < 0 ? text : text[..slash], location, key);
        if (slash < 0)
        {
            return (address, defaultLength);
        }

        if (!byte.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > 32)
        {
            throw new TopologyFormatException(location, $"'{key}' is '{text}': the prefix length must be a number from 0 to 32");
        }

        return (address, length);
    }

    private SourceLocation At(DataValue? value, string key) =>
        Location.Child(key, value?.Location.Line ?? Location.Line, value?.Location.Column ?? Location.Column);

    private TopologyFormatException Wrong(string key, DataValue value, string expected) =>
        new(At(value, key), $"'{key}' must be {expected}, not {value.Describe()}");
}
