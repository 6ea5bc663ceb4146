using IpipTools.Module.Tests.Engine;

namespace IpipTools.Module.Tests.Scripts;

/// <summary>Every PowerShell file of the repository parses with PowerShell's parser, and the check catches what it must.</summary>
public sealed class ScriptSyntaxTests
{
    [Fact]
    public void EveryPowerShellFileOfTheRepositoryParses()
    {
        var files = ScriptSyntax.FilesUnder(Repository.Root);
        // The files the module and its tests cannot do without: if the walk misses them, it checks nothing.
        Assert.Contains("IpipTools.psd1", files);
        Assert.Contains("build.ps1", files);
        Assert.Contains(files, f => f.StartsWith("tests/Pester/", StringComparison.Ordinal) && f.EndsWith(".Tests.ps1", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("examples/", StringComparison.Ordinal) && f.EndsWith(".psd1", StringComparison.Ordinal));

        var errors = files.SelectMany(f => ScriptSyntax.ErrorsIn(Repository.Root, f)).ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} parse error(s) in {files.Count} files:\n" + string.Join("\n", errors));
    }

    /// <summary>
    /// Errors a grammar alone accepts but PowerShell's parser rejects, plus one plain syntax
    /// error; each is reported with file, line and column.
    /// </summary>
    [Theory]
    [InlineData("invalid-assignment.ps1", "$a = 1\n1 = $a\n", 2, 1, "InvalidLeftHandSide")]
    [InlineData("duplicate-key.psd1", "@{\n    Name = 'a'\n    name = 'b'\n}\n", 3, 5, "DuplicateKeyInHashLiteral")]
    [InlineData("using-late.ps1", "Write-Output 1\nusing namespace System.Net\n", 2, 1, "UsingMustBeAtStartOfScript")]
    [InlineData("unclosed.ps1", "Describe 'x' {\n    It 'y' {\n        if ($true { }\n    }\n", 3, 19, "MissingEndParenthesisAfterStatement")]
    public void TheCheckReportsFileLineAndColumn(string file, string text, int line, int column, string errorId)
    {
        var scratch = Directory.CreateTempSubdirectory("ipiptools-parse-");
        try
        {
            File.WriteAllText(Path.Combine(scratch.FullName, file), text);
            Assert.Equal(new[] { file }, ScriptSyntax.FilesUnder(scratch.FullName));
            var errors = ScriptSyntax.ErrorsIn(scratch.FullName, file);
            Assert.Contains(errors, e => e.StartsWith($"{file}:{line}:{column}: ", StringComparison.Ordinal) && e.EndsWith($"[{errorId}]", StringComparison.Ordinal));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheNullCoalescingOperatorParses()
    {
        // tests/Pester/Common.ps1 uses '??' (PowerShell 7), which the former grammar check rejected.
        var scratch = Directory.CreateTempSubdirectory("ipiptools-parse-");
        try
        {
            File.WriteAllText(Path.Combine(scratch.FullName, "coalesce.ps1"), "$m = $env:NOT_SET ?? 'default'\n");
            Assert.Empty(ScriptSyntax.ErrorsIn(scratch.FullName, "coalesce.ps1"));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
