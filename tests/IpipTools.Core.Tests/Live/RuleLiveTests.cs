using System.Net;
using System.Text.Json;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.Rtnl.Rules;
using IpipTools.Core.Tests.Errors;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Live;

/// <summary>
/// Policy routing rules against `ip -d -j rule` both ways: what IpipTools adds, ip lists with
/// every selector; what ip adds, IpipTools reads the same; a removal takes exactly its rule;
/// and a refused rule leaves the namespace as it was.
/// </summary>
public sealed class RuleLiveTests
{
    [Fact]
    public void WhatIpipToolsAddsIpListsWithEverySelector()
    {
        using var ns = new TestNamespace("rule");
        using var client = ns.Connect();
        var added = client.Rules.Add(new Rule
        {
            Priority = 1000,
            From = IPNetwork.Parse("10.1.0.0/24"),
            To = IPNetwork.Parse("10.2.0.0/16"),
            FwMark = 0x10,
            FwMask = 0xff,
            InputInterface = "lo",
            Table = (RouteTable)1000,
            SuppressPrefixLength = 8,
            Protocol = RouteProtocol.IpipTools,
        });
        var v6 = client.Rules.Add(new Rule { Family = IpFamily.IPv6, Not = true, From = IPNetwork.Parse("2001:db8::/32"), Action = RuleAction.Prohibit, Table = RouteTable.Unspecified });

        var oracle = Single(ns.Name, "-4", 1000);
        Assert.Equal(("10.1.0.0", 24, "10.2.0.0", 16, "0x10", "0xff", "lo", "1000", 8, "73"),
            (oracle.String("src"), oracle.Int("srclen"), oracle.String("dst"), oracle.Int("dstlen"), oracle.String("fwmark"), oracle.String("fwmask"),
             oracle.String("iif"), oracle.String("table"), oracle.Int("suppress_prefixlen"), oracle.String("protocol")));
        Assert.Equal(1000u, added.Priority);

        var v6Oracle = Single(ns.Name, "-6", v6.Priority!.Value);
        Assert.Equal(("2001:db8::", "prohibit"), (v6Oracle.String("src"), v6Oracle.String("action")));
        Assert.True(v6Oracle.TryGetProperty("not", out _));
        Assert.Equal(32765u, v6.Priority);
    }

    [Fact]
    public void WhatIpAddsIpipToolsReadsTheSame()
    {
        using var ns = new TestNamespace("rule");
        ns.Ip("rule", "add", "priority", "500", "not", "from", "10.6.0.0/24", "fwmark", "0x5/0xf", "oif", "lo", "lookup", "123", "proto", "static").EnsureSuccess("ip rule add");
        ns.Ip("rule", "add", "priority", "501", "to", "10.8.0.0/24", "unreachable").EnsureSuccess("ip rule add");
        ns.Ip("-6", "rule", "add", "priority", "502", "from", "2001:db8:6::/64", "lookup", "main", "suppress_prefixlength", "0").EnsureSuccess("ip -6 rule add");
        using var client = ns.Connect();

        foreach (var (family, flag) in new[] { (IpFamily.IPv4, "-4"), (IpFamily.IPv6, "-6") })
        {
            var ours = client.Rules.List(family);
            var theirs = IpOracle.Json(ns.Name, flag, "rule", "show").EnumerateArray().ToList();
            Assert.Equal(theirs.Select(r => (uint)r.GetProperty("priority").GetInt32()), ours.Select(r => r.Priority!.Value));
            foreach (var (rule, oracle) in ours.Zip(theirs))
            {
                Assert.Equal(oracle.String("src") ?? "all", rule.From is IPNetwork from ? from.BaseAddress.ToString() : "all");
                Assert.Equal(oracle.String("oif"), rule.OutputInterface);
                Assert.Equal(oracle.TryGetProperty("not", out _), rule.Not);
                Assert.Equal(oracle.String("action") ?? "to_tbl", rule.Action == RuleAction.ToTable ? "to_tbl" : rule.Action.ToString().ToLowerInvariant());
                if (rule.Action == RuleAction.ToTable)
                {
                    Assert.Equal(oracle.String("table"), rule.Table.ToIpString());
                }
            }
        }

        var marked = client.Rules.List(IpFamily.IPv4).Single(r => r.Priority == 500);
        Assert.Equal((5u, 15u, RouteProtocol.Static), (marked.FwMark!.Value, marked.FwMask!.Value, marked.Protocol));
        Assert.Equal(0, client.Rules.List(IpFamily.IPv6).Single(r => r.Priority == 502).SuppressPrefixLength);
    }

    [Fact]
    public void ADeletionTakesTheMatchingRuleAndNoOther()
    {
        using var ns = new TestNamespace("rule");
        ns.Ip("rule", "add", "priority", "600", "from", "10.9.0.0/24", "lookup", "100").EnsureSuccess("ip rule add");
        ns.Ip("rule", "add", "priority", "601", "from", "10.9.0.0/24", "lookup", "200").EnsureSuccess("ip rule add");
        using var client = ns.Connect();

        client.Rules.Delete(client.Rules.List(IpFamily.IPv4).Single(r => r.Priority == 601));

        var left = IpOracle.Json(ns.Name, "-4", "rule", "show").EnumerateArray().Select(r => r.GetProperty("priority").GetInt32()).ToList();
        Assert.Equal(new[] { 0, 600, 32766, 32767 }, left);
        var missing = Assert.Throws<IpipTools.Core.Netlink.NetlinkException>(() => client.Rules.Delete(new Rule { Priority = 601, Action = RuleAction.Unspecified, Table = RouteTable.Unspecified }));
        Assert.Equal("RuleNotFound", missing.ErrorId);
    }

    [Theory]
    [InlineData("family", "RuleFamilyMismatch")]
    [InlineData("table with blackhole", "RuleTableWithoutLookup")]
    [InlineData("suppress past 32", "RuleSuppressInvalid")]
    [InlineData("iif name too long", "InvalidInterfaceName")]
    [InlineData("duplicate", "RuleExists")]
    public void BadInputLeavesNoRuleBehind(string what, string errorId)
    {
        using var ns = new TestNamespace("rule");
        using var client = ns.Connect();
        var rule = what switch
        {
            "family" => new Rule { Family = IpFamily.IPv6, From = IPNetwork.Parse("10.1.0.0/24") },
            "table with blackhole" => new Rule { Action = RuleAction.Blackhole, Table = (RouteTable)100 },
            "suppress past 32" => new Rule { SuppressPrefixLength = 33 },
            "iif name too long" => new Rule { InputInterface = "sixteen-letters!" },
            _ => new Rule { Priority = 32766, Protocol = RouteProtocol.Kernel },
        };

        // Refused before it is sent, or by the kernel (a duplicate): either way, nothing is left.
        var error = what == "duplicate"
            ? NothingLeftBehind.Assert<IpipTools.Core.Netlink.NetlinkException>(ns, () => client.Rules.Add(rule))
            : NothingLeftBehind.Assert<IpipTools.Core.Errors.IpipToolsException>(ns, () => client.Rules.Add(rule));
        Assert.Equal(errorId, error.ErrorId);
    }

    private static JsonElement Single(string ns, string family, uint priority) =>
        Assert.Single(IpOracle.Json(ns, family, "rule", "show").EnumerateArray(), r => r.GetProperty("priority").GetInt32() == (int)priority);
}
