using System.Management.Automation;
using System.Reflection;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Module.Tests.Engine;

namespace IpipTools.Module.Tests.Contract;

/// <summary>
/// Both manifests pass Test-ModuleManifest, and what the imported module exports is
/// exactly the [Cmdlet] classes of its assembly.
/// </summary>
public sealed class ManifestTests
{
    [Theory]
    [InlineData(ModuleSession.TopLevelManifest)]
    [InlineData(ModuleSession.PublishedManifest)]
    public void TestModuleManifestAcceptsIt(string manifest)
    {
        ModuleSession.RequirePublished();
        var module = (PSModuleInfo)ModuleSession.Shared.Run("Test-ModuleManifest -Path $path -ErrorAction Stop", Path(manifest)).Single().BaseObject;
        Assert.Equal("IpipTools", module.Name);
        Assert.Equal(new Version(7, 4), module.PowerShellVersion);
        Assert.Equal(new[] { "Core" }, module.CompatiblePSEditions);
        Assert.Equal(ModuleCmdlets.Names, module.ExportedCmdlets.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(module.ExportedFunctions);
        Assert.Empty(module.ExportedAliases);
        Assert.Empty(module.ExportedVariables);
    }

    [Fact]
    public void ThePublishedFolderImportsOnItsOwn()
    {
        // The folder the package holds and a user installs: its own manifest, formats and help.
        using var session = ModuleSession.Open(ModuleSession.PublishedManifest);
        Assert.Equal(ModuleCmdlets.Names, session.Run("(Get-Command -Module IpipTools).Name").Select(o => o.ToString()).Order(StringComparer.Ordinal));
        Assert.NotEmpty(session.Run("Get-FormatData -TypeName IpipTools.Core.Rtnl.Tunnels.IpTunnel"));
        Assert.Contains("Enter-NetNamespace", session.Run("Get-Help about_IpipTools").Single().ToString());
    }

    [Fact]
    public void ExportedCmdletsAreTheCmdletClassesOfTheAssembly()
    {
        var assembly = (Assembly)ModuleSession.Shared.Run("(Get-Module IpipTools).ImplementingAssembly").Single().BaseObject;
        var classes = assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<CmdletAttribute>())
            .Where(a => a is not null)
            .Select(a => $"{a!.VerbName}-{a.NounName}")
            .ToHashSet(StringComparer.Ordinal);
        var exported = ModuleCmdlets.Names.ToHashSet(StringComparer.Ordinal);
        Assert.True(classes.SetEquals(exported),
            $"not exported (add to CmdletsToExport in IpipTools.psd1): {string.Join(", ", classes.Except(exported))}; " +
            $"exported without a [Cmdlet] class: {string.Join(", ", exported.Except(classes))}");
        Assert.True(ModuleCmdlets.Names.Count >= 20, $"only {ModuleCmdlets.Names.Count} cmdlets exported");
        var kinds = ModuleSession.Shared.Run("Get-Command -Module IpipTools | ForEach-Object { \"$($_.CommandType)\" } | Sort-Object -Unique");
        Assert.Equal("Cmdlet", Assert.Single(kinds).ToString());
    }

    private static Dictionary<string, object?> Path(string manifest) => new() { ["path"] = Repository.PathOf(manifest) };
}
