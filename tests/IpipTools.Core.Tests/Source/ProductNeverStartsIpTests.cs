using System.Text.RegularExpressions;
using Xunit;

namespace IpipTools.Core.Tests.Source;

/// <summary>
/// IpipTools speaks netlink itself and never runs iproute2 (tests may, as the
/// oracle). Every .cs file under src/ is scanned: no string literal names the `ip`
/// program, and only the files listed in <see cref="AllowedProcessStarters"/> start
/// a process at all, each for a stated reason. A planted sample proves the scan bites.
/// </summary>
public sealed partial class ProductNeverStartsIpTests
{
    /// <summary>Files that may start a process, with the reason; anything new here needs review.</summary>
    private static readonly Dictionary<string, string> AllowedProcessStarters = new()
    {
        ["src/IpipTools.Core/Namespaces/NamespaceProcess.cs"] = "runs the program a user names inside a namespace (Invoke-NetNamespaceCommand), like `ip netns exec`, and the pwsh that Enter-NetNamespace and Invoke-NetNamespaceCommand -ScriptBlock run inside one",
    };

    [Fact]
    public void NoSourceFileNamesTheIpProgram()
    {
        var offenders = ProductSources()
            .SelectMany(file => CSharpSource.Scan(File.ReadAllText(file.Path)).Literals
                .Where(IsIpProgram)
                .Select(literal => $"{file.Relative}: \"{literal}\""))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void OnlyReviewedFilesStartProcesses()
    {
        var starters = ProductSources()
            .Where(file => StartsProcess(CSharpSource.Scan(File.ReadAllText(file.Path))))
            .Select(file => file.Relative)
            .ToList();

        Assert.NotEmpty(ProductSources());
        Assert.Empty(starters.Except(AllowedProcessStarters.Keys));
    }

    [Theory]
    [InlineData("var p = Process.Start(\"ip\", \"link add t type ipip\");", true, true)]
    [InlineData("var i = new ProcessStartInfo(@\"/usr/sbin/ip\") { UseShellExecute = false };", true, true)]
    [InlineData("var i = new ProcessStartInfo(\"\"\"/sbin/ip\"\"\");", true, true)]
    [InlineData("[LibraryImport(\"libc\", EntryPoint = \"execvp\")] static partial int Exec(string f);", true, false)]
    [InlineData("// Process.Start(\"ip\") would be wrong here", false, false)]
    [InlineData("var hint = \"or 'ip link set tun0 up'\"; /* Process.Start */", false, false)]
    [InlineData("var c = '\"'; var s = \"Process.Start(ip)\";", false, false)]
    public void ScanFindsPlantedStartsAndIgnoresCommentsAndText(string source, bool startsProcess, bool namesIp)
    {
        var scanned = CSharpSource.Scan(source);

        Assert.Equal(startsProcess, StartsProcess(scanned));
        Assert.Equal(namesIp, scanned.Literals.Any(IsIpProgram));
    }

    /// <summary>"ip" alone, or a path to it, is a program name; "ip link add" inside advice text is not.</summary>
    private static bool IsIpProgram(string literal) => IpProgram().IsMatch(literal);

    /// <summary>.NET's process API in code, or a libc entry point that spawns one named by a P/Invoke.</summary>
    private static bool StartsProcess(CSharpSource.Scanned source) =>
        ProcessApi().IsMatch(source.Code) || source.Literals.Any(LibcSpawn().IsMatch);

    [GeneratedRegex(@"^(/usr)?(/s?bin/)?ip$")]
    private static partial Regex IpProgram();

    [GeneratedRegex(@"\bProcess\s*\.\s*Start\b|\bProcessStartInfo\b|\bnew\s+Process\s*\(")]
    private static partial Regex ProcessApi();

    [GeneratedRegex(@"^(exec[lv]p?e?|execvpe|fexecve|posix_spawnp?|system|popen|v?fork|clone3?)$")]
    private static partial Regex LibcSpawn();

    private static List<(string Path, string Relative)> ProductSources()
    {
        var root = RepositoryRoot();
        return Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(root, path).Replace('\\', '/')))
            .Where(file => !file.Relative.Split('/').Any(part => part is "bin" or "obj"))
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "src", "IpipTools.Core")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no repository with src/IpipTools.Core above {AppContext.BaseDirectory}");
    }
}
