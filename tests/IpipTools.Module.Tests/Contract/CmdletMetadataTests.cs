using System.Management.Automation;
using IpipTools.Core.Errors;
using IpipTools.Module.Tests.Engine;

namespace IpipTools.Module.Tests.Contract;

/// <summary>What every cmdlet promises, read from the metadata PowerShell builds for it (Get-Command).</summary>
public sealed class CmdletMetadataTests
{
    /// <summary>
    /// Verbs whose cmdlets change nothing on the system: they read (Get, Test), change only
    /// the session's default namespace (Enter, Exit), or run a program the caller names
    /// (Invoke). Every other cmdlet changes something and must support -WhatIf/-Confirm.
    /// </summary>
    private static readonly HashSet<string> NonChangingVerbs = new(StringComparer.Ordinal) { "Get", "Test", "Enter", "Exit", "Invoke" };

    /// <summary>
    /// Cmdlets that take no -NetNamespace, and why: Exit-NetNamespace pops the session
    /// stack (there is nothing to name), and the fixture cmdlets make or unmake whole
    /// namespaces of their own choosing.
    /// </summary>
    private static readonly HashSet<string> WithoutNamespace = new(StringComparer.Ordinal)
    {
        "Exit-NetNamespace", "New-NetNamespaceFixture", "New-IpipLabFixture", "Remove-NetNamespaceFixture",
    };

    private static readonly Lazy<HashSet<string>> ApprovedVerbs = new(() =>
        ModuleSession.Shared.Run("(Get-Verb).Verb").Select(v => v.ToString()).ToHashSet(StringComparer.Ordinal));

    public static TheoryData<string> Cmdlets => ModuleCmdlets.All;

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void VerbIsApproved(string name)
    {
        var verb = Command(name).Verb;
        Assert.True(ApprovedVerbs.Value.Contains(verb), $"{name}: '{verb}' is not an approved verb (Get-Verb)");
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void DeclaresOutputType(string name) =>
        Assert.True(Command(name).OutputType.Count > 0, $"{name} declares no [OutputType]");

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void ChangesSupportWhatIfAndConfirmAndRemovalsAskFirst(string name)
    {
        var command = Command(name);
        var metadata = new CommandMetadata(command);
        if (!NonChangingVerbs.Contains(command.Verb))
        {
            Assert.True(metadata.SupportsShouldProcess, $"{name} changes the system but does not support -WhatIf/-Confirm");
            Assert.True(command.Parameters.ContainsKey("WhatIf") && command.Parameters.ContainsKey("Confirm"), $"{name} has no -WhatIf/-Confirm");
        }

        if (command.Verb == "Remove")
        {
            Assert.Equal(ConfirmImpact.High, metadata.ConfirmImpact);
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void TakesNetNamespaceBoundByPropertyName(string name)
    {
        var command = Command(name);
        if (WithoutNamespace.Contains(name))
        {
            // The exceptions are real: a -NetNamespace they gained would have to be tested here.
            Assert.False(command.Parameters.ContainsKey("NetNamespace") || command.Parameters.Values.Any(p => p.Aliases.Contains("NetNamespace")),
                $"{name} takes -NetNamespace now: remove it from WithoutNamespace");
            return;
        }

        Assert.True(command.Parameters.TryGetValue("NetNamespace", out var parameter) || command.Parameters.Values.Any(p => p.Aliases.Contains("NetNamespace")),
            $"{name} has no -NetNamespace");
        if (!name.EndsWith("-NetNamespace", StringComparison.Ordinal))
        {
            // On the namespace cmdlets the namespace is the target (-Name alias NetNamespace).
            Assert.Contains("Namespace", parameter!.Aliases);
            Assert.All(parameter.ParameterSets.Values, set => Assert.True(set.ValueFromPipelineByPropertyName, $"{name}: -NetNamespace does not bind by property name"));
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void PositionsAreUniqueInEveryParameterSet(string name)
    {
        foreach (var set in Command(name).ParameterSets)
        {
            var positions = set.Parameters.Where(p => p.Position >= 0).GroupBy(p => p.Position).Where(g => g.Count() > 1).ToList();
            Assert.True(positions.Count == 0, $"{name} ({set.Name}): " + string.Join("; ", positions.Select(g => $"position {g.Key} is {string.Join(" and ", g.Select(p => "-" + p.Name))}")));
        }
    }

    [Fact]
    public void EveryErrorCategoryOfTheCoreIsAPowerShellErrorCategory()
    {
        // The module maps IpipErrorCategory to ErrorCategory by name; a name PowerShell
        // lacks would silently become NotSpecified.
        foreach (var category in Enum.GetNames<IpipErrorCategory>())
        {
            Assert.True(Enum.TryParse<ErrorCategory>(category, out _), $"ErrorCategory has no {category}");
        }
    }

    private static CmdletInfo Command(string name) => ModuleCmdlets.Info(name);
}
