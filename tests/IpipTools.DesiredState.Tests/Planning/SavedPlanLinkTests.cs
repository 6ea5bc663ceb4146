using System.Text.Json;
using System.Text.Json.Nodes;
using IpipTools.Core.DesiredState.Planning;
using IpipTools.Core.DesiredState.Steps;
using IpipTools.Core.DesiredState.Topologies;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Kinds;
using Xunit;
using static IpipTools.DesiredState.Tests.Planning.States;

namespace IpipTools.DesiredState.Tests.Planning;

/// <summary>
/// A link in a saved plan (FormatVersion 3) is one object, the link's properties and what a
/// topology adds beside them, and leaves out what it does not set; it reads back as the link
/// it was. A plan saved in FormatVersion 2 (links nested as "Link": { "Link": ... }, every
/// value written) reads as the same plan.
/// </summary>
public sealed class SavedPlanLinkTests
{
    private const string Links = """
        "Bridges": [ { "Name": "br" } ],
        "Veths": [ { "Name": "v", "Peer": "w", "Master": "br" } ],
        "Tunnels": [
          { "Name": "g", "Mode": "gre", "Local": "10.1.0.1", "Remote": "10.1.0.2", "InputKey": 5, "PathMtuDiscovery": false },
          { "Name": "x", "Local": "10.2.0.1", "Remote": "10.2.0.2", "Exclusive": true }
        ]
        """;

    private static TopologyPlan Planned() => TopologyPlanner.Plan(InA(Links), Read(Ns("a", new[] { Tunl0() })));

    private static JsonObject SavedLink(TopologyPlan plan, string name) =>
        JsonNode.Parse(plan.ToJson())!["Steps"]!.AsArray().Select(s => s!["Link"]).OfType<JsonObject>().Single(l => (string?)l["Name"] == name);

    private static IEnumerable<TopologyLink> LinksOf(TopologyPlan plan) => plan.Steps.SelectMany(s => s switch
    {
        CreateLink create => new[] { create.Link },
        _ => Array.Empty<TopologyLink>(),
    });

    [Fact]
    public void ALinkIsSavedAsOneObjectWithWhatATopologyAddsBesideIt()
    {
        var plan = Planned();
        Assert.Equal(4, plan.Steps.OfType<CreateLink>().Count());
        var bridge = SavedLink(plan, "br");
        Assert.Null(bridge["Link"]);
        Assert.Equal("bridge", (string?)bridge["KindParameters"]!["Kind"]);
        Assert.Equal("ipiptools:managed", (string?)bridge["Alias"]);
        var exclusive = SavedLink(plan, "x");
        Assert.Equal(true, (bool?)exclusive["Exclusive"]);
        Assert.Equal("ipip", (string?)exclusive["KindParameters"]!["Kind"]);
    }

    [Fact]
    public void ALinkLeavesOutWhatItDoesNotSetAndKeepsWhatDiffersFromTheReadersDefault()
    {
        var gre = SavedLink(Planned(), "g");
        var names = gre.Select(p => p.Key).ToArray();
        foreach (var unset in new[] { "Index", "ParentIndex", "MasterIndex", "Exclusive" })
        {
            Assert.DoesNotContain(unset, names);
        }

        var parameters = gre["KindParameters"]!.AsObject();
        Assert.Equal(
            new[] { "Kind", "InputKey", "Local", "Remote", "PathMtuDiscovery" },
            parameters.Select(p => p.Key).ToArray());
        // A tunnel reads with path MTU discovery on when the plan says nothing: off is written.
        Assert.False((bool)parameters["PathMtuDiscovery"]!);
        Assert.Equal(0, SavedLink(Planned(), "v")["KindParameters"]!.AsObject().Count(p => p.Key == "PeerIndex"));
    }

    [Fact]
    public void ASavedPlanReadsBackWithItsLinksAsTheyWere()
    {
        var plan = Planned();

        var again = TopologyPlan.FromJson(plan.ToJson());

        Assert.Equal(LinksOf(plan), LinksOf(again));
        Assert.False(Assert.IsType<GreParameters>(LinksOf(again).Single(l => l.Name == "g").Link.KindParameters).PathMtuDiscovery);
        Assert.Equal(plan.ToJson(), again.ToJson());
    }

    [Fact]
    public void ALinkReadBackKeepsValuesTheReaderWouldOtherwiseSetDifferently()
    {
        // A link a plan removes is saved as it was read, to restore it should a later step fail:
        // its index, a fixed TTL, an encapsulation whose other fields are 0.
        var read = Tunnel("g", 7, new GreParameters { Ttl = 64, PathMtuDiscovery = false, Encapsulation = new TunnelEncapsulation(TunnelEncapsulationType.Fou, DestinationPort: 5555) }, up: false);
        var plan = new TopologyPlan
        {
            Namespaces = new[] { "a" }, Fingerprint = "f",
            Steps = new PlanStep[] { new RemoveLink { Namespace = "a", Target = "gre g", Reason = "owned by IpipTools and not in the topology", Link = read } },
        };
        var saved = SavedLink(plan, "g");
        Assert.Equal(7, (int)saved["Index"]!);
        Assert.Equal("""{"Type":"Fou","DestinationPort":5555}""", saved["KindParameters"]!["Encapsulation"]!.ToJsonString());

        var again = Assert.IsType<RemoveLink>(Assert.Single(TopologyPlan.FromJson(plan.ToJson()).Steps)).Link;

        Assert.Equal(read, again);
    }

    [Fact]
    public void APlanSavedInFormatVersion2ReadsAsTheSamePlanAndIsSavedAgainInTheCurrentOne()
    {
        var plan = Planned();
        // FormatVersion 2 was written with PlanJson.Options, which the state fingerprint still uses unchanged.
        var version2 = JsonSerializer.Serialize(plan with { FormatVersion = 2 }, PlanJson.Options);
        Assert.Contains("\"Link\": {\n        \"Link\": {", version2.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var read = TopologyPlan.FromJson(version2);

        Assert.Equal(LinksOf(plan), LinksOf(read));
        Assert.Equal(TopologyPlan.CurrentFormatVersion, read.FormatVersion);
        Assert.Equal(plan.ToJson(), read.ToJson());
    }

    [Fact]
    public void ALinkStepAsFormatVersion2WroteItReads()
    {
        // As Set-IpipTopology -SavePlan wrote a gre tunnel in FormatVersion 2.
        var saved = """
            { "FormatVersion": 2, "Namespaces": [ "a" ], "Fingerprint": "f", "Prune": false, "Steps": [ {
              "Step": "CreateLink", "Number": 1, "Action": "Add", "Kind": "Link", "Namespace": "a", "Target": "gre t1", "Reason": "missing",
              "Link": {
                "Link": {
                  "Name": "t1", "Index": 0,
                  "KindParameters": { "Kind": "gre", "InputKey": 5, "InputChecksum": false, "OutputChecksum": false, "InputSequence": false,
                    "OutputSequence": false, "IgnoreDontFragment": false, "Local": "10.1.0.1", "Remote": "10.1.0.2", "Ttl": 0, "Tos": 0,
                    "PathMtuDiscovery": true, "UnderlayIndex": 0,
                    "Encapsulation": { "Type": "None", "Flags": 0, "SourcePort": 0, "DestinationPort": 0 }, "CollectMetadata": false, "FirewallMark": 0 },
                  "IsUp": true, "ParentIndex": 0, "MasterIndex": 0, "Alias": "ipiptools:managed" },
                "Exclusive": false } } ],
              "Conflicts": [], "IsConverged": false }
            """;

        var link = Assert.IsType<CreateLink>(Assert.Single(TopologyPlan.FromJson(saved).Steps)).Link;

        Assert.Equal(("t1", true, "ipiptools:managed", false), (link.Name, link.Up, link.Link.Alias, link.Exclusive));
        Assert.Equal(new GreParameters { InputKey = 5, Local = Ip("10.1.0.1"), Remote = Ip("10.1.0.2") }, link.Tunnel);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void AFormatVersionNotReadIsRefusedSayingWhichAreRead(int version)
    {
        var json = Planned().ToJson().Replace("\"FormatVersion\": 3", $"\"FormatVersion\": {version}", StringComparison.Ordinal);

        var e = Assert.Throws<IpipToolsException>(() => TopologyPlan.FromJson(json));

        Assert.Equal("InvalidPlan", e.ErrorId);
        Assert.Equal($"The plan's format version is {version}; this IpipTools reads versions 2 to 3.", e.Message);
    }
}
