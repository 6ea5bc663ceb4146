using System.Text.RegularExpressions;

namespace IpipTools.Module.Tests.Static;

/// <summary>The top-level IpipTools.psd1 against the assembly and build.ps1, read as text.</summary>
public sealed class ManifestTests
{
    private static readonly string Manifest = Repository.Read("IpipTools.psd1");

    /// <summary>Where build.ps1 publishes the module (and so where the manifest must point).</summary>
    private const string ModuleFolder = "out/IpipTools/";

    [Fact]
    public void CmdletsToExportEqualsTheCmdletClasses()
    {
        var exported = ListValue("CmdletsToExport").OrderBy(n => n, StringComparer.Ordinal).ToList();
        var classes = CmdletModel.All.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(classes, exported);
    }

    [Fact]
    public void ExportsNothingElse()
    {
        Assert.Empty(ListValue("FunctionsToExport"));
        Assert.Empty(ListValue("VariablesToExport"));
        Assert.Empty(ListValue("AliasesToExport"));
    }

    [Fact]
    public void RootModuleIsTheAssemblyInThePublishedFolder()
    {
        Assert.Equal(ModuleFolder + ModuleAssembly.Module.GetName().Name + ".dll", ScalarValue("RootModule"));
        Assert.Contains($"-o $moduleOut", Repository.Read("build.ps1"));
        Assert.Contains("Join-Path $root 'out/IpipTools'", Repository.Read("build.ps1"));
    }

    [Fact]
    public void FormatsAreThoseTheProjectPublishes()
    {
        var formats = ListValue("FormatsToProcess");
        Assert.Equal(new[] { ModuleFolder + "IpipTools.format.ps1xml" }, formats);
        Assert.True(File.Exists(Repository.PathOf("src/IpipTools/IpipTools.format.ps1xml")));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "IpipTools.format.ps1xml")), "the project does not copy its formats to its output");
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "en-US", "IpipTools.dll-Help.xml")), "the project does not copy its help to its output");
    }

    [Fact]
    public void TargetsPowerShell74Core()
    {
        Assert.Equal("7.4", ScalarValue("PowerShellVersion"));
        Assert.Equal(new[] { "Core" }, ListValue("CompatiblePSEditions"));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", ScalarValue("GUID"));
    }

    private static string ScalarValue(string key)
    {
        var match = Regex.Match(Manifest, $@"^\s*{key}\s*=\s*'([^']*)'", RegexOptions.Multiline);
        Assert.True(match.Success, $"{key} not found in IpipTools.psd1");
        return match.Groups[1].Value;
    }

    /// <summary>The quoted strings of <c>KEY = @( ... )</c>.</summary>
    private static IReadOnlyList<string> ListValue(string key)
    {
        var match = Regex.Match(Manifest, $@"^\s*{key}\s*=\s*@\(([^)]*)\)", RegexOptions.Multiline);
        Assert.True(match.Success, $"{key} not found in IpipTools.psd1");
        return Regex.Matches(match.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToList();
    }
}
