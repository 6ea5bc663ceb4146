namespace IpipTools.Core.DesiredState;

/// <summary>Reads a topology from a data file (.psd1 or .json), from text, or from in-memory objects.</summary>
public static class TopologyLoader
{
    /// <summary>A .psd1 or .json file, told apart by its extension (anything but .json is read as a data file).</summary>
    public static Topology FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new Errors.IpipToolsException($"The topology file '{path}' does not exist.", "TopologyFileNotFound",
                Errors.IpipErrorCategory.ObjectNotFound, "Check the path.", path);
        }

        var text = File.ReadAllText(path);
        var name = Path.GetFileName(path);
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? FromJson(text, name) : FromPowerShellData(text, name);
    }

    public static Topology FromPowerShellData(string text, string source = "the data text") =>
        TopologyReader.Read(PowerShellDataReader.Parse(text, source));

    public static Topology FromJson(string text, string source = "the JSON text") =>
        TopologyReader.Read(JsonDataReader.Parse(text, source));

    /// <summary>A hashtable (any IDictionary) with nested arrays and hashtables.</summary>
    public static Topology FromObject(object data, string source = "the hashtable", Func<object?, object?>? unwrap = null) =>
        TopologyReader.Read(ObjectDataReader.Read(data, source, unwrap));
}
