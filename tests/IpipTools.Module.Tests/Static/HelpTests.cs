using System.Xml.Linq;
using static IpipTools.Module.Tests.Static.ExampleScripts;

namespace IpipTools.Module.Tests.Static;

/// <summary>The MAML help documents every cmdlet and every parameter, with examples; about_IpipTools exists.</summary>
public sealed class HelpTests
{
    private static readonly XDocument Help = XDocument.Load(Repository.PathOf(HelpFile));

    private static IReadOnlyDictionary<string, XElement> Commands => Help.Descendants(Command + "command")
        .ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value.Trim(), StringComparer.Ordinal);

    [Fact]
    public void HelpFileIsNamedForTheAssembly() =>
        Assert.EndsWith(ModuleAssembly.Module.GetName().Name + ".dll-Help.xml", HelpFile);

    [Fact]
    public void EveryCmdletHasHelpAndNoHelpIsForAMissingCmdlet() =>
        Assert.Equal(CmdletModel.All.Select(c => c.Name).Order(), Commands.Keys.Order());

    [Theory]
    [MemberData(nameof(CmdletContractTests.Cmdlets), MemberType = typeof(CmdletContractTests))]
    public void HelpCoversEveryParameterWithSynopsisDescriptionAndExample(string name)
    {
        var help = Commands[name];
        var cmdlet = CmdletModel.Named(name);
        Assert.False(string.IsNullOrWhiteSpace(help.Element(Command + "details")!.Element(Maml + "description")?.Value), $"{name}: no synopsis");
        Assert.False(string.IsNullOrWhiteSpace(help.Element(Maml + "description")?.Value), $"{name}: no description");
        Assert.NotEmpty(help.Descendants(Command + "example"));

        var documented = help.Element(Command + "parameters")!.Elements(Command + "parameter")
            .ToDictionary(p => p.Element(Maml + "name")!.Value.Trim(), StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in cmdlet.Parameters)
        {
            Assert.True(documented.TryGetValue(parameter.Name, out var entry), $"{name}: -{parameter.Name} is not documented");
            Assert.False(string.IsNullOrWhiteSpace(entry!.Element(Maml + "description")?.Value), $"{name}: -{parameter.Name} has no description");
        }

        // -WhatIf and -Confirm come from PowerShell with ShouldProcess; help documents them as PowerShell's own help does.
        var shouldProcess = cmdlet.SupportsShouldProcess ? new[] { "WhatIf", "Confirm" } : Array.Empty<string>();
        Assert.All(shouldProcess, s => Assert.True(documented.ContainsKey(s), $"{name}: -{s} is not documented"));
        Assert.All(documented.Keys, d => Assert.True(cmdlet.Parameter(d) is not null || shouldProcess.Contains(d, StringComparer.OrdinalIgnoreCase),
            $"{name}: help documents -{d}, which the cmdlet lacks"));
        var syntax = help.Descendants(Command + "syntaxItem").SelectMany(s => s.Elements(Command + "parameter")).Select(p => p.Element(Maml + "name")!.Value.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(cmdlet.Parameters, p => Assert.True(syntax.Contains(p.Name), $"{name}: -{p.Name} is missing from the syntax"));
    }

    [Fact]
    public void ExamplesBuildScenariosS1AndS6()
    {
        var titles = Help.Descendants(Command + "example").Select(e => e.Element(Maml + "title")!.Value).ToList();
        Assert.Contains(titles, t => t.Contains("S1", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("S6", StringComparison.Ordinal));
        var code = string.Join("\n", Help.Descendants(Dev + "code").Select(c => c.Value));
        foreach (var piece in new[] { "-Remote 10.10.20.2 -Local 10.10.10.2", "10.10.200.10 -Peer 10.10.100.10", "10.42.1.0", "-Gateway 172.16.168.113" })
        {
            Assert.Contains(piece, code);
        }
    }

    [Fact]
    public void AboutTopicNamesEveryCmdlet()
    {
        var about = Repository.Read("src/IpipTools/en-US/about_IpipTools.help.txt");
        Assert.StartsWith("TOPIC", about.TrimStart());
        Assert.All(CmdletModel.All, c => Assert.Contains(c.Name, about));
    }
}
