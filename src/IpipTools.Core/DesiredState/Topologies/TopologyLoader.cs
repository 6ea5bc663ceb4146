using IpipTools.Core.Errors;
using IpipTools.Core.DesiredState.Data;

namespace IpipTools.Core.DesiredState.Topologies;

/// <summary>Reads a topology from a data file (.json, or .psd1 through the host's reader), from JSON text, or from in-memory objects.</summary>
public static class TopologyLoader
{
    /// <summary>
    /// A .json file, or any other (a .psd1) read by <paramref name="readPowerShellData"/>. The
    /// core has no PowerShell parser, so a .psd1 is read by the module, which has one; the
    /// reader returns the file's values with their lines and columns.
    /// </summary>
    public static Topology FromFile(string path, Func<string, DataValue>? readPowerShellData = null) =>
        TopologyReader.Read(ReadFile(path, readPowerShellData));

    /// <summary>
    /// A data file's values, not yet read as a topology: for a caller that looks at the data
    /// first (the module converges a file with a Hosts section on each host it names).
    /// </summary>
    public static DataValue ReadFile(string path, Func<string, DataValue>? readPowerShellData = null)
    {
        if (!File.Exists(path))
        {
            throw new IpipToolsException($"The topology file '{path}' does not exist.", "TopologyFileNotFound",
                IpipErrorCategory.ObjectNotFound, "Check the path.", path);
        }

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return JsonDataReader.ParseFile(path);
        }

        return readPowerShellData is not null
            ? readPowerShellData(path)
            : throw new IpipToolsException($"The topology file '{path}' is not JSON, and PowerShell data files (.psd1) are read only in PowerShell.",
                "TopologyFormatUnsupported", IpipErrorCategory.InvalidArgument,
                "Read it with the IpipTools module (Set-IpipTopology -Path), or give a .json file.", path);
    }

    public static Topology FromJson(string text, string source = "the JSON text") =>
        TopologyReader.Read(JsonDataReader.Parse(text, source));

    /// <summary>A hashtable (any IDictionary) with nested arrays and hashtables.</summary>
    public static Topology FromObject(object data, string source = "the hashtable", Func<object?, object?>? unwrap = null) =>
        TopologyReader.Read(ObjectDataReader.Read(data, source, unwrap));
}
