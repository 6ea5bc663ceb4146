using System.Diagnostics;
using System.Management.Automation;
using System.Text.Json;
using System.Text.RegularExpressions;
using IpipTools.Module.Tests.Engine;

namespace IpipTools.Module.Tests.Contract;

/// <summary>
/// What a release carries: one SemVer version, written only as ModuleVersion of the top-level
/// manifest and taken from there by the module folder's manifest, the DSC resource manifest
/// and the assemblies; the manifest fields PSResourceGet and a gallery show; the licence; and
/// a changelog section for the version.
/// </summary>
public sealed partial class ReleaseTests
{
    private const string SourceDscManifest = "src/IpipTools/Dsc/IpipTools.Topology.dsc.resource.json";
    private const string PublishedDscManifest = "out/IpipTools/IpipTools.Topology.dsc.resource.json";

    [Fact]
    public void TheVersionIsSemVerAndEveryManifestCarriesIt()
    {
        var version = Manifest(ModuleSession.TopLevelManifest).Version;
        Assert.True(version.Build >= 0 && version.Revision == -1, $"ModuleVersion {version} is not MAJOR.MINOR.PATCH");
        var semVer = version.ToString(3);

        Assert.Equal(version, Manifest(ModuleSession.PublishedManifest).Version);
        Assert.Equal(semVer, DscVersion(PublishedDscManifest));
        var product = FileVersionInfo.GetVersionInfo(Repository.PathOf("out/IpipTools/IpipTools.dll")).ProductVersion;
        Assert.Equal(semVer, product?.Split('+')[0]);
    }

    [Fact]
    public void TheDscResourceManifestInTheSourceLeavesItsVersionToTheBuild()
    {
        // A version typed here would be a second place to keep in step; the build writes the real one.
        Assert.Equal("0.0.0-ModuleVersion", DscVersion(SourceDscManifest));
    }

    [Fact]
    public void TheManifestHasWhatPSResourceGetAndAGalleryShow()
    {
        var module = Manifest(ModuleSession.TopLevelManifest);
        Assert.Equal("The IpipTools authors", module.Author);
        Assert.False(string.IsNullOrWhiteSpace(module.CompanyName));
        Assert.Contains("The IpipTools authors", module.Copyright, StringComparison.Ordinal);
        Assert.Equal("https://github.com/ipiptools/IpipTools", module.ProjectUri?.ToString());
        Assert.Equal($"{module.ProjectUri}/blob/main/LICENSE", module.LicenseUri?.ToString());
        Assert.Contains("PSEdition_Core", module.Tags);
        Assert.Contains("Linux", module.Tags);
        Assert.Contains(module.Version.ToString(3), module.ReleaseNotes, StringComparison.Ordinal);
        Assert.Contains("CHANGELOG.md", module.ReleaseNotes, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLicenceIsMitAndShipsInTheModuleFolder()
    {
        var licence = Repository.Read("LICENSE");
        Assert.StartsWith("MIT License", licence, StringComparison.Ordinal);
        Assert.Contains("Copyright (c) The IpipTools authors", licence, StringComparison.Ordinal);
        Assert.Equal(licence, Repository.Read("out/IpipTools/LICENSE"));
    }

    [Fact]
    public void TheChangelogHasAnUnreleasedSectionAndOneForTheVersion()
    {
        var headings = ReleaseHeading().Matches(Repository.Read("CHANGELOG.md")).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("Unreleased", headings.FirstOrDefault());
        Assert.Contains(Manifest(ModuleSession.TopLevelManifest).Version.ToString(3), headings);
    }

    private static PSModuleInfo Manifest(string manifest)
    {
        ModuleSession.RequirePublished();
        return (PSModuleInfo)ModuleSession.Shared.Run(
            "Test-ModuleManifest -Path $path -ErrorAction Stop",
            new Dictionary<string, object?> { ["path"] = Repository.PathOf(manifest) }).Single().BaseObject;
    }

    private static string? DscVersion(string manifest)
    {
        using var json = JsonDocument.Parse(Repository.Read(manifest));
        return json.RootElement.GetProperty("version").GetString();
    }

    [GeneratedRegex(@"^## \[([^\]]+)\]", RegexOptions.Multiline)]
    private static partial Regex ReleaseHeading();
}
