namespace IpipTools.Module.Tests.Static;

/// <summary>What every cmdlet of the module promises, read from its attributes.</summary>
public sealed class CmdletContractTests
{
    /// <summary>
    /// Cmdlets that take no -NetNamespace, and why: Exit-NetNamespace pops the session
    /// stack (there is nothing to name), and the fixture cmdlets make or unmake whole
    /// namespaces of their own choosing.
    /// </summary>
    private static readonly HashSet<string> WithoutNamespace = new(StringComparer.Ordinal)
    {
        "Exit-NetNamespace", "New-NetNamespaceFixture", "New-IpipLabFixture", "Remove-NetNamespaceFixture",
    };

    public static TheoryData<string> Cmdlets => new(CmdletModel.All.Select(c => c.Name));

    [Fact]
    public void TheModuleHasCmdlets() => Assert.True(CmdletModel.All.Count >= 20, $"only {CmdletModel.All.Count} cmdlets found");

    [Fact]
    public void TheFourNamedCmdletsExist()
    {
        foreach (var name in new[] { "New-IpipTunnel", "Add-TunnelPeerAddress", "Add-OnlinkRoute", "Enter-NetNamespace" })
        {
            Assert.NotNull(CmdletModel.Find(name));
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void VerbIsApproved(string name) =>
        Assert.True(ApprovedVerbs.All.Contains(CmdletModel.Named(name).Verb), $"{name}: '{CmdletModel.Named(name).Verb}' is not an approved verb");

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void DeclaresOutputType(string name) => Assert.NotEmpty(CmdletModel.Named(name).OutputTypes);

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void StateChangesSupportShouldProcess(string name)
    {
        var cmdlet = CmdletModel.Named(name);
        if (ApprovedVerbs.StateChanging.Contains(cmdlet.Verb))
        {
            Assert.True(cmdlet.SupportsShouldProcess, $"{name} changes state but does not support -WhatIf/-Confirm");
        }

        if (cmdlet.Verb == "Remove")
        {
            Assert.Equal("High", cmdlet.ConfirmImpact);
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void TakesNetNamespaceBoundByPropertyName(string name)
    {
        if (WithoutNamespace.Contains(name))
        {
            return;
        }

        var parameter = CmdletModel.Named(name).Parameter("NetNamespace");
        Assert.True(parameter is not null, $"{name} has no -NetNamespace");
        if (!name.EndsWith("-NetNamespace", StringComparison.Ordinal))
        {
            // On the namespace cmdlets the namespace is the target (-Name alias NetNamespace).
            Assert.Contains("Namespace", parameter!.Aliases);
            Assert.True(parameter.ByPropertyName, $"{name}: -NetNamespace does not bind by property name");
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void ParameterPositionsAreUniqueAndNamesDoNotCollide(string name)
    {
        var cmdlet = CmdletModel.Named(name);
        var positions = cmdlet.Parameters.Where(p => p.Position is not null).Select(p => p.Position).ToList();
        Assert.Equal(positions.Count, positions.Distinct().Count());
        var names = cmdlet.Parameters.SelectMany(p => p.Names).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(names, n => CmdletModel.CommonParameters.Contains(n));
    }

    [Fact]
    public void EveryErrorCategoryOfTheCoreIsAPowerShellErrorCategory()
    {
        // The module maps IpipErrorCategory to ErrorCategory by name; a name PowerShell
        // lacks would silently become NotSpecified.
        var powerShell = ModuleAssembly.TypeNamed("System.Management.Automation.ErrorCategory").GetEnumNames();
        foreach (var name in Enum.GetNames<IpipTools.Core.Errors.IpipErrorCategory>())
        {
            Assert.Contains(name, powerShell);
        }
    }
}
