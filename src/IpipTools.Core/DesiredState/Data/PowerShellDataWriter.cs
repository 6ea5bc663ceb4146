using System.Collections;
using System.Globalization;
using System.Text;

namespace IpipTools.Core.DesiredState.Data;

/// <summary>
/// Writes data (dictionaries, lists, strings, numbers, booleans, null) as the text of a
/// PowerShell data file that the module's reader (PowerShell's parser) and
/// Import-PowerShellDataFile both read back to the same values.
/// </summary>
public static class PowerShellDataWriter
{
    public static string Write(object? value)
    {
        var text = new StringBuilder();
        WriteValue(text, value, indent: 0);
        text.Append('\n');
        return text.ToString();
    }

    private static void WriteValue(StringBuilder text, object? value, int indent)
    {
        switch (value)
        {
            case null:
                text.Append("$null");
                break;
            case bool b:
                text.Append(b ? "$true" : "$false");
                break;
            case string s:
                text.Append('\'').Append(s.Replace("'", "''")).Append('\'');
                break;
            case IDictionary dictionary:
                WriteHashtable(text, dictionary, indent);
                break;
            case IEnumerable sequence:
                WriteArray(text, sequence, indent);
                break;
            case IFormattable number:
                text.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                text.Append('\'').Append(value.ToString()?.Replace("'", "''")).Append('\'');
                break;
        }
    }

    private static void WriteHashtable(StringBuilder text, IDictionary dictionary, int indent)
    {
        if (dictionary.Count == 0)
        {
            text.Append("@{}");
            return;
        }

        text.Append("@{\n");
        foreach (DictionaryEntry entry in dictionary)
        {
            Indent(text, indent + 1);
            var key = entry.Key.ToString() ?? string.Empty;
            text.Append(IsBareKey(key) ? key : $"'{key.Replace("'", "''")}'").Append(" = ");
            WriteValue(text, entry.Value, indent + 1);
            text.Append('\n');
        }

        Indent(text, indent);
        text.Append('}');
    }

    private static void WriteArray(StringBuilder text, IEnumerable sequence, int indent)
    {
        var items = sequence.Cast<object?>().ToList();
        if (items.Count == 0)
        {
            text.Append("@()");
            return;
        }

        text.Append("@(\n");
        foreach (var item in items)
        {
            Indent(text, indent + 1);
            WriteValue(text, item, indent + 1);
            text.Append('\n');
        }

        Indent(text, indent);
        text.Append(')');
    }

    private static bool IsBareKey(string key) =>
        key.Length > 0 && (char.IsLetter(key[0]) || key[0] == '_') && key.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static void Indent(StringBuilder text, int level) => text.Append(' ', level * 4);
}
