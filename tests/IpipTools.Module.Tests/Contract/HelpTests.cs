using IpipTools.Module.Tests.Engine;

namespace IpipTools.Module.Tests.Contract;

/// <summary>Get-Help finds help for every cmdlet and every parameter (with its aliases), with examples, and about_IpipTools.</summary>
public sealed class HelpTests
{
    public static TheoryData<string> Cmdlets => ModuleCmdlets.All;

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void HelpCoversSynopsisDescriptionExamplesAndEveryParameter(string name)
    {
        var problems = ModuleSession.Shared.Run("""
            $help = Get-Help $name -Full
            $command = Get-Command -Module IpipTools -Name $name
            # Without MAML help, Get-Help makes a synopsis out of the syntax.
            if (-not $help.Synopsis -or $help.Synopsis.Trim().StartsWith("$name ")) { 'no synopsis' }
            if (-not ($help.description.Text -join '').Trim()) { 'no description' }
            if (-not @($help.examples.example).Count) { 'no example' }
            $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
            $actual = @($command.Parameters.Keys | Where-Object { $_ -notin $common })
            $documented = @($help.parameters.parameter)
            $inSyntax = @($help.syntax.syntaxItem.parameter.name)
            foreach ($parameter in $actual) {
                $entry = $documented | Where-Object name -eq $parameter
                if (-not $entry) { "-$parameter is not documented" }
                elseif (-not ($entry.description.Text -join '').Trim()) { "-$parameter has no description" }
                else {
                    # The aliases a user may type (NetTCPIP's -NextHop, ...) are the ones help lists.
                    $aliases = @($command.Parameters[$parameter].Aliases)
                    $expected = $aliases.Count ? $aliases -join ', ' : 'none'
                    if ($entry.aliases -ne $expected) { "-$parameter has the aliases $expected, but help lists $($entry.aliases)" }
                }
                if ($parameter -notin $inSyntax) { "-$parameter is missing from the syntax" }
            }
            # -WhatIf and -Confirm are documented where the cmdlet has them (optional common parameters).
            foreach ($entry in $documented | Where-Object { $_.name -notin $command.Parameters.Keys }) { "help documents -$($entry.name), which the cmdlet lacks" }
            """, new Dictionary<string, object?> { ["name"] = name }).Select(p => p.ToString()).ToList();
        Assert.True(problems.Count == 0, $"Get-Help {name}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void AboutTopicNamesEveryCmdlet()
    {
        var about = ModuleSession.Shared.Run("Get-Help about_IpipTools").Single().ToString();
        Assert.StartsWith("TOPIC", about.TrimStart());
        Assert.All(ModuleCmdlets.Names, name => Assert.Contains(name, about));
    }

    [Fact]
    public void ExamplesBuildScenariosS1AndS6()
    {
        var titles = ModuleSession.Shared.Run("(Get-Command -Module IpipTools | Get-Help -Examples).examples.example.title").Select(t => t.ToString()).ToList();
        Assert.Contains(titles, t => t.Contains("S1", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("S6", StringComparison.Ordinal));
    }
}
