namespace IpipTools.Module.Tests.Static;

/// <summary>
/// Every pipeline of the README and the help examples binds: for each <c>A | B</c>
/// of module cmdlets, A's declared output binds to B by property name. Every command
/// of ours that an example uses exists and is called with parameters it has.
/// </summary>
public sealed class PipelineBindingTests
{
    /// <summary>The pipelines the issue names, checked whether or not an example shows them.</summary>
    [Theory]
    [InlineData("New-IpipTunnel tunl -Remote 10.10.20.2 -Local 10.10.10.2 -Up | Add-TunnelPeerAddress 10.10.100.10 -Peer 10.10.200.10")]
    [InlineData("Get-IpipTunnel tunl0 | Add-OnlinkRoute 10.42.2.0/24 -Gateway 172.16.165.244")]
    [InlineData("Get-IpipTunnel | Remove-IpipTunnel")]
    [InlineData("Get-TunnelPeerAddress tunl | Remove-TunnelPeerAddress")]
    [InlineData("Get-OnlinkRoute tunl0 | Remove-OnlinkRoute")]
    [InlineData("Get-VethPair | Remove-VethPair")]
    [InlineData("Get-NetNamespace lab* | Remove-NetNamespace")]
    [InlineData("New-NetNamespaceFixture | Remove-NetNamespaceFixture")]
    [InlineData("New-IpipLabFixture | Remove-NetNamespaceFixture")]
    [InlineData("Get-IpipTunnel tunl | Set-IpipTunnel -Up")]
    [InlineData("Get-IpipTunnel tunl | Get-TunnelPeerAddress")]
    public void NamedPipelineBinds(string pipeline) => Assert.Empty(CheckScript(pipeline));

    [Theory]
    [InlineData("Get-IpForwarding | Remove-IpipTunnel")]
    [InlineData("Get-IpForwarding | Add-TunnelPeerAddress 10.0.0.1")]
    [InlineData("Test-IpipSupport | Add-OnlinkRoute 10.0.0.0/8")]
    [InlineData("New-IpipTunnel t1 -Remotee 10.0.0.1")]
    [InlineData("New-IpipTunel t1")]
    [InlineData("Remove-IpipTunnel t1 | Get-IpipTunnel")]
    [InlineData("Describe 'x' {\n    It 'y' {\n        New-IpipTunnel t1 -Remotee 10.0.0.1\n    }\n}")]
    [InlineData("foreach ($n in 1, 2) { ($n | Get-IpForwarding | Remove-IpipTunnel) }")]
    public void ABrokenPipelineIsCaught(string script) => Assert.NotEmpty(CheckScript(script));

    [Fact]
    public void CallsInsideScriptBlocksAreSeen()
    {
        var calls = ExampleScripts.Pipelines(Repository.Read("tests/Pester/S1.Scenario.Tests.ps1"))
            .SelectMany(p => p)
            .Select(segment => ExampleScripts.Words(segment).FirstOrDefault())
            .Count(name => name is not null && CmdletModel.Find(name) is not null);
        Assert.True(calls >= 15, $"only {calls} module calls found in the S1 suite");
    }

    [Fact]
    public void ExamplesExist()
    {
        var examples = ExampleScripts.All().ToList();
        Assert.Contains(examples, e => e.Source.StartsWith("help of", StringComparison.Ordinal));
        Assert.Contains(examples, e => e.Source.EndsWith("README-module.md", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryExamplePipelineBinds()
    {
        var problems = ExampleScripts.All()
            .SelectMany(e => CheckScript(e.Script).Select(p => $"{e.Source}: {p}"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void ExamplesUseThePipelinesTheIssueNames()
    {
        var all = string.Join("\n", ExampleScripts.All().Select(e => e.Script));
        Assert.Contains("| Add-TunnelPeerAddress 10.10.100.10 -Peer 10.10.200.10", all);
        Assert.Contains("Get-IpipTunnel tunl0 | Add-OnlinkRoute 10.42.2.0/24 -Gateway 172.16.165.244", all);
        Assert.Contains("Get-IpipTunnel | Remove-IpipTunnel", all);
    }

    private static List<string> CheckScript(string script)
    {
        var problems = new List<string>();
        foreach (var segments in ExampleScripts.Pipelines(script))
        {
            CommandLine? previous = null;
            foreach (var segment in segments)
            {
                var name = ExampleScripts.Words(segment).FirstOrDefault() ?? string.Empty;
                var cmdlet = CmdletModel.Find(name);
                if (cmdlet is null)
                {
                    if (CommandLine.LooksLikeOurs(name))
                    {
                        problems.Add($"'{name}' is not a cmdlet of the module");
                    }

                    previous = null;
                    continue;
                }

                var line = CommandLine.Parse(cmdlet, segment);
                problems.AddRange(line.Problems);
                if (previous is not null)
                {
                    var outputs = previous.Cmdlet.OutputTypes.Where(t => t.FullName is not ("System.Void" or "System.String")).ToList();
                    if (outputs.Count == 0)
                    {
                        problems.Add($"{previous.Cmdlet.Name} writes nothing to pipe into {cmdlet.Name}");
                    }

                    problems.AddRange(outputs.SelectMany(t => PipelineBinding.Problems(t, line)).Select(p => $"{previous.Cmdlet.Name} | {cmdlet.Name}: {p}"));
                }

                previous = line;
            }
        }

        return problems;
    }
}
