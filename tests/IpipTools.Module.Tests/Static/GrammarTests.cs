using IpipTools.TestSupport;

namespace IpipTools.Module.Tests.Static;

/// <summary>
/// Every .ps1/.psm1/.psd1 of the repository parses with a real PowerShell grammar:
/// tests/grammar/check.mjs with tree-sitter-powershell. Its two pinned packages are
/// installed with 'npm ci' in that folder when missing, nothing else.
/// </summary>
public sealed class GrammarTests
{
    private static readonly string Tool = Repository.PathOf("tests/grammar");

    [Fact]
    public void EveryPowerShellFileParses()
    {
        EnsureInstalled();
        var result = Command.Run("node", new[] { Path.Combine(Tool, "check.mjs"), Repository.Root }, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("tests/Pester/", result.Output);
        Assert.Contains("IpipTools.psd1", result.Output);
    }

    [Fact]
    public void TheCheckerCatchesABrokenScript()
    {
        EnsureInstalled();
        var scratch = Directory.CreateTempSubdirectory("grammar-");
        try
        {
            File.WriteAllText(Path.Combine(scratch.FullName, "broken.ps1"), "Describe 'x' {\n    It 'y' {\n        if ($true { }\n    }\n");
            var result = Command.Run("node", new[] { Path.Combine(Tool, "check.mjs"), scratch.FullName }, TimeSpan.FromMinutes(2));
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("FAIL broken.ps1", result.Output);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static void EnsureInstalled()
    {
        if (!Directory.Exists(Path.Combine(Tool, "node_modules", "web-tree-sitter")))
        {
            Command.Run("npm", new[] { "ci", "--prefix", Tool, "--no-audit", "--no-fund" }, TimeSpan.FromMinutes(5)).EnsureSuccess("npm ci in tests/grammar");
        }
    }
}
