using System.Text;
using System.Text.Json;

namespace IpipTools.Core.DesiredState.Data;

/// <summary>
/// Reads JSON topology data into <see cref="DataValue"/>s that know their line and column,
/// so JSON errors point at the place just as .psd1 errors do. Duplicate keys (in any
/// letter case, since keys are matched like PowerShell's) are refused.
/// </summary>
public static class JsonDataReader
{
    public static DataValue Parse(string text, string source = "the JSON text")
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                throw new TopologyFormatException(new SourceLocation(source, 1, 1, string.Empty), "the JSON text is empty");
            }

            var value = ReadValue(ref reader, source, lineStarts);
            if (reader.Read())
            {
                throw new TopologyFormatException(At(source, lineStarts, reader.TokenStartIndex), "unexpected data after the end of the JSON value");
            }

            return value;
        }
        catch (JsonException e)
        {
            throw new TopologyFormatException(
                new SourceLocation(source, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, string.Empty),
                $"the JSON is not valid: {e.Message}", inner: e);
        }
    }

    public static DataValue ParseFile(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    private static DataValue ReadValue(ref Utf8JsonReader reader, string source, List<long> lineStarts)
    {
        var location = At(source, lineStarts, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var map = new DataMap(location);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var keyLocation = At(source, lineStarts, reader.TokenStartIndex);
                    var key = reader.GetString()!;
                    reader.Read();
                    if (!map.TryAdd(key, ReadValue(ref reader, source, lineStarts)))
                    {
                        throw new TopologyFormatException(keyLocation, $"the key '{key}' appears twice in this object (keys are matched in any letter case)");
                    }
                }

                return map;
            case JsonTokenType.StartArray:
                var items = new List<DataValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, source, lineStarts));
                }

                return new DataList(location, items);
            case JsonTokenType.String:
                return new DataScalar(location, reader.GetString());
            case JsonTokenType.Number:
                return new DataScalar(location, reader.TryGetInt64(out var integer) ? integer : reader.GetDouble());
            case JsonTokenType.True:
                return new DataScalar(location, true);
            case JsonTokenType.False:
                return new DataScalar(location, false);
            case JsonTokenType.Null:
                return new DataScalar(location, null);
            default:
                throw new TopologyFormatException(location, $"unexpected JSON token {reader.TokenType}");
        }
    }

    private static List<long> LineStarts(byte[] bytes)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static SourceLocation At(string source, List<long> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return new SourceLocation(source, line + 1, (int)(offset - lineStarts[line]) + 1, string.Empty);
    }
}
