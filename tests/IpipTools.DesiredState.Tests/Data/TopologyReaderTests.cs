using System.Collections;
using System.Net;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl;
using Xunit;
using IpipTools.Core.DesiredState.Data;
using IpipTools.Core.DesiredState.Export;
using IpipTools.Core.DesiredState.Topologies;

namespace IpipTools.DesiredState.Tests.Data;

/// <summary>Topology data to model: every key and value checked, errors at the line they are on, the same result from JSON and hashtables (.psd1 files are read by the module: tests/Pester/TopologyData.Tests.ps1).</summary>
public sealed class TopologyReaderTests
{
    [Fact]
    public void TheS1ExampleReadsAsTheScenarioDescribesIt()
    {
        var s1 = Examples.Load(Examples.S1);

        Assert.Equal(new[] { "", "ns1", "ns2" }, s1.Namespaces.Select(n => n.Name));
        var root = s1.Find("")!;
        Assert.True(root.Forwarding);
        Assert.Equal(("v1", "ns1"), root.Links.Single(l => l.Name == "v1-P") is var v ? (v.PeerName, v.PeerNamespace) : default);
        var tunl = s1.Find("ns1")!.Links.Single(l => l.Name == "tunl");
        Assert.Equal("ipip", tunl.Kind);
        Assert.Equal(new IpipParameters { Local = IPAddress.Parse("10.10.10.2"), Remote = IPAddress.Parse("10.10.20.2") }, tunl.Tunnel);
        Assert.True(tunl.Up);
        var peer = s1.Find("ns1")!.Addresses.Single(a => a.InterfaceName == "tunl");
        Assert.Equal(("10.10.100.10", "10.10.200.10", (byte)32), (peer.Address.ToString(), peer.Peer?.ToString(), peer.PrefixLength));
        var route = s1.Find("ns1")!.Routes.Single();
        Assert.Equal(("10.10.20.0/24", "10.10.10.1", (string?)null, Ownership.Protocol, RouteScope.Global), (route.Destination.ToString(), route.Gateway?.ToString(), route.Device, route.Protocol, route.Scope));
    }

    [Fact]
    public void TheS6ExampleDeclaresAnExclusiveTunl0AndOnlinkRoutes()
    {
        var s6 = Examples.Load(Examples.S6);
        var a = s6.Find("node-a")!;
        var tunl0 = a.Links.Single(l => l.Name == "tunl0");
        Assert.True(tunl0.IsFallbackTunnel);
        Assert.True(tunl0.Exclusive);
        Assert.Equal(3, a.Routes.Count);
        Assert.All(a.Routes.Where(r => r.Device == "tunl0"), r => Assert.True(r.OnLink));
        Assert.Equal("0.0.0.0/0", a.Routes[0].Destination.ToString());
        Assert.Equal(("eth0", "node-b"), s6.Find("underlay")!.Links.Single(l => l.Name == "to-b") is var v ? (v.PeerName, v.PeerNamespace) : default);
    }

    [Theory]
    [InlineData(""" "Gatway": "1.2.3.4" """, "'Gatway' is not a setting of a route")]
    [InlineData(""" "Gateway": "1.2.3.400" """, "not an IP address")]
    [InlineData(""" "Gateway": "fe80::1" """, "IPv6")]
    [InlineData(""" "Gateway": 5 """, "must be a string")]
    [InlineData(""" "OnLink": "yes", "Gateway": "1.2.3.4", "Device": "x" """, "must be $true or $false")]
    [InlineData(""" "OnLink": true, "Gateway": "1.2.3.4" """, "needs both a Gateway and a Device")]
    [InlineData(""" "Mtu": 20, "Device": "x" """, "outside the range 68 to 65520")]
    [InlineData(""" "Table": 255, "Device": "x" """, "local table")]
    [InlineData(""" "Table": 0, "Device": "x" """, "files a route given it in the main table")]
    [InlineData(""" "Table": "nope", "Device": "x" """, "not a routing table")]
    [InlineData(""" "Device": "this-name-is-too-long" """, "at most 15")]
    public void ARouteWithABadSettingIsRefusedAtItsLine(string settings, string expected)
    {
        var text = $$"""
            {
              "Namespaces": [
                {
                  "Name": "a",
                  "Routes": [
                    { "Destination": "10.0.0.0/24", {{settings}} }
                  ]
                }
              ]
            }
            """;
        var e = Assert.Throws<TopologyFormatException>(() => TopologyLoader.FromJson(text, "t.json"));
        Assert.Contains(expected, e.Message);
        Assert.Equal(6, e.Location.Line);
        Assert.StartsWith("Namespaces[0].Routes[0]", e.Location.Path);
    }

    [Theory]
    [InlineData(""" "Routes": [ { "Destination": "10.0.0.1/24", "Device": "x" } ] """, "host bits set")]
    [InlineData(""" "Routes": [ { "Destination": "10.0.0.0/24" } ] """, "needs a Gateway, a Device, or both")]
    [InlineData(""" "Tunnels": [ { "Name": "tunl0", "Remote": "1.2.3.4" } ] """, "fallback device")]
    [InlineData(""" "Tunnels": [ { "Name": "t", "Mode": "vxlan" } ] """, "not a tunnel mode")]
    [InlineData(""" "Tunnels": [ { "Name": "t", "Ttl": 64, "PathMtuDiscovery": false } ] """, "cannot go together")]
    [InlineData(""" "Tunnels": [ { "Name": "t", "Ttl": 300 } ] """, "outside the range 0 to 255")]
    [InlineData(""" "Tunnels": [ { "Name": "t", "Master": "br" } ] """, "cannot be a bridge port")]
    [InlineData(""" "Bridges": [ { "Name": "b" }, { "Name": "b" } ] """, "declared twice")]
    [InlineData(""" "Veths": [ { "Name": "v", "Peer": "v" } ] """, "its own peer")]
    [InlineData(""" "Veths": [ { "Name": "v" } ] """, "needs 'Peer'")]
    [InlineData(""" "Veths": [ { "Name": "v", "Peer": "w", "PeerMaster": "w" } ] """, "'w' cannot be a port of itself")]
    [InlineData(""" "Veths": [ { "Name": "v", "Peer": "w", "PeerMtu": 65536 } ] """, "'PeerMtu' is 65536, outside the range 68 to 65535")]
    [InlineData(""" "Veths": [ { "Name": "v", "Peer": "w", "PeerUp": "yes" } ] """, "must be $true or $false")]
    [InlineData(""" "Addresses": [ { "Device": "d", "Address": "10.0.0.1/24", "Peer": "10.0.0.2" } ] """, "belongs to the peer")]
    [InlineData(""" "Addresses": [ { "Device": "d", "Address": "10.0.0.1/33" } ] """, "prefix length")]
    [InlineData(""" "Bogus": 1 """, "'Bogus' is not a setting of a namespace")]
    [InlineData(""" "Name": "a/b" """, "leave /run/netns")]
    public void ANamespaceWithABadDeclarationIsRefused(string settings, string expected)
    {
        var e = Assert.Throws<TopologyFormatException>(() => TopologyLoader.FromJson($$"""{ "Namespaces": [ { {{settings}} } ] }"""));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void AVethEndLandingOnADeclaredNameIsRefused()
    {
        var e = Assert.Throws<TopologyFormatException>(() => TopologyLoader.FromJson(
            """ { "Namespaces": [ { "Name": "a", "Veths": [ { "Name": "v", "Peer": "w", "PeerNamespace": "b" } ] }, { "Name": "b", "Bridges": [ { "Name": "w" } ] } ] } """));
        Assert.Contains("already taken by bridge w", e.Message);
    }

    [Fact]
    public void TheSameTopologyReadsAlikeFromJsonInAnyLetterCaseAndAHashtable()
    {
        const string json = """ { "Namespaces": [ { "Name": "a", "Forwarding": true, "Tunnels": [ { "Name": "t", "Local": "1.1.1.1", "Remote": "2.2.2.2", "Ttl": "inherit", "Tos": "inherit" } ], "Routes": [ { "Destination": "default", "Gateway": "1.1.1.254", "Table": "main", "Metric": 10 } ] } ] } """;
        const string lowercase = """{ "namespaces": [ { "name": "a", "forwarding": true, "tunnels": [ { "name": "t", "local": "1.1.1.1", "remote": "2.2.2.2", "ttl": "inherit", "tos": "inherit" } ], "routes": [ { "destination": "default", "gateway": "1.1.1.254", "table": "main", "metric": 10 } ] } ] }""";
        var hashtable = new Hashtable
        {
            ["Namespaces"] = new object[]
            {
                new Hashtable
                {
                    ["Name"] = "a",
                    ["Forwarding"] = true,
                    ["Tunnels"] = new Hashtable { ["Name"] = "t", ["Local"] = "1.1.1.1", ["Remote"] = "2.2.2.2", ["Ttl"] = "inherit", ["Tos"] = "inherit" },
                    ["Routes"] = new[] { new Hashtable { ["Destination"] = "default", ["Gateway"] = "1.1.1.254", ["Table"] = "main", ["Metric"] = 10 } },
                },
            },
        };

        var expected = TopologyWriter.ToJson(TopologyLoader.FromJson(json));
        Assert.Equal(expected, TopologyWriter.ToJson(TopologyLoader.FromJson(lowercase)));
        Assert.Equal(expected, TopologyWriter.ToJson(TopologyLoader.FromObject(hashtable)));
        var tunnel = TopologyLoader.FromJson(json).Namespaces[0].Links[0].Tunnel!;
        Assert.Equal((0, 1), (tunnel.Ttl, tunnel.Tos));
    }

    [Fact]
    public void JsonErrorsCarryLineNumbersToo()
    {
        var e = Assert.Throws<TopologyFormatException>(() => TopologyLoader.FromJson("{\n \"Namespaces\": [\n  { \"Name\": \"a\", \"Routes\": [ { \"Destination\": 5 } ] }\n ]\n}", "t.json"));
        Assert.Equal(3, e.Location.Line);
        Assert.Contains("must be a string", e.Message);

        var syntax = Assert.Throws<TopologyFormatException>(() => TopologyLoader.FromJson("{\n \"Namespaces\": [ }", "t.json"));
        Assert.Equal(2, syntax.Location.Line);
    }

    [Fact]
    public void HashtableErrorsNameThePathInsideTheData()
    {
        var e = Assert.Throws<TopologyFormatException>(() => TopologyLoader.FromObject(new Hashtable
        {
            ["Namespaces"] = new object[] { new Hashtable { ["Name"] = "a", ["Addresses"] = new object[] { new Hashtable { ["Device"] = "d", ["Address"] = "nope" } } } },
        }));
        Assert.Contains("the hashtable (Namespaces[0].Addresses[0].Address)", e.Message);
    }

    [Fact]
    public void AWrittenTopologyReadsBackUnchanged()
    {
        var s6 = Examples.Load(Examples.S6);
        var text = TopologyWriter.ToJson(s6);
        var again = TopologyLoader.FromJson(text, "written.json");
        Assert.Equal(text, TopologyWriter.ToJson(again));
        Assert.Equal(TopologyWriter.ToJson(Examples.Load(Examples.S1)), TopologyWriter.ToJson(TopologyLoader.FromJson(TopologyWriter.ToJson(Examples.Load(Examples.S1)))));
        // As .psd1 text (Get-IpipTopology -AsText) it reads back in PowerShell: tests/Pester/TopologyData.Tests.ps1.
    }

    [Fact]
    public void RenamingNamespacesRenamesVethPeersToo()
    {
        var renamed = Examples.Load(Examples.S1).RenameNamespaces(new Dictionary<string, string> { [""] = "r", ["ns1"] = "x1" });
        Assert.Equal(new[] { "r", "x1", "ns2" }, renamed.Namespaces.Select(n => n.Name));
        Assert.Equal(("v1", "x1"), renamed.Find("r")!.Links.Single(l => l.Name == "v1-P") is var v ? (v.PeerName, v.PeerNamespace) : default);
    }
}
