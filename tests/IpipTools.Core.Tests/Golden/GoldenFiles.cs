namespace IpipTools.Core.Tests.Golden;

/// <summary>Where the golden files are: copied next to the test binary by the project file.</summary>
internal static class GoldenFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", name);

    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));
}
