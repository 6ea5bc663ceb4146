using System.Net;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.Rtnl.Rules;
using IpipTools.TestSupport;
using Xunit;

namespace IpipTools.Core.Tests.Golden;

/// <summary>
/// RTM_NEWRULE messages written out by hand from linux/fib_rules.h (struct fib_rule_hdr, FRA_*)
/// and linux/rtnetlink.h: the request RuleEncoder builds for a rule with every selector, and a
/// dump as fib_nl_fill_rule writes it (FRA_TABLE, FRA_SUPPRESS_PREFIXLEN, FRA_PROTOCOL, FRA_PRIORITY,
/// FRA_SRC, FRA_IIFNAME, FRA_FWMARK, FRA_FWMASK), read back into the same rule.
/// </summary>
public sealed class RuleMessageGoldenTests
{
    /// <summary>
    /// <c>ip rule add priority 1000 not from 10.1.0.0/24 to 10.2.0.0/16 fwmark 0x10/0xff iif v0
    /// lookup 1000 suppress_prefixlength 0 protocol 73</c>, without the nlmsghdr: table 1000 does
    /// not fit the header's byte, so FRA_TABLE carries it.
    /// </summary>
    private static readonly byte[] AddRequestBody = Hex.Parse("""
        02                       # family = AF_INET
        10                       # dst_len = 16
        18                       # src_len = 24
        00                       # tos = 0
        00                       # table = RT_TABLE_UNSPEC: the table is in FRA_TABLE
        00 00                    # res1, res2
        01                       # action = FR_ACT_TO_TBL
        02 00 00 00              # flags = FIB_RULE_INVERT
        08 00 06 00  e8 03 00 00     # FRA_PRIORITY (6) u32 1000
        08 00 02 00  0a 01 00 00     # FRA_SRC (2) 10.1.0.0
        08 00 01 00  0a 02 00 00     # FRA_DST (1) 10.2.0.0
        08 00 0a 00  10 00 00 00     # FRA_FWMARK (10) u32 0x10
        08 00 10 00  ff 00 00 00     # FRA_FWMASK (16) u32 0xff
        08 00 0f 00  e8 03 00 00     # FRA_TABLE (15) u32 1000
        08 00 0e 00  00 00 00 00     # FRA_SUPPRESS_PREFIXLEN (14) u32 0
        07 00 03 00  76 30 00 00     # FRA_IIFNAME (3) "v0\0", padded to 8
        05 00 15 00  49 00 00 00     # FRA_PROTOCOL (21) u8 73, padded to 8
        """);

    private static readonly Rule Everything = new()
    {
        Priority = 1000,
        Not = true,
        From = IPNetwork.Parse("10.1.0.0/24"),
        To = IPNetwork.Parse("10.2.0.0/16"),
        FwMark = 0x10,
        FwMask = 0xff,
        InputInterface = "v0",
        Table = (RouteTable)1000,
        SuppressPrefixLength = 0,
        Protocol = RouteProtocol.IpipTools,
    };

    /// <summary>Two rules as a dump brings them: the one above, and an IPv6 blackhole to 2001:db8::/32 at 32765 from the kernel's own protocol.</summary>
    private static readonly byte[] RuleDump = Hex.Parse("""
        # ---- message 1: struct nlmsghdr
        64 00 00 00              # nlmsg_len = 100
        20 00                    # nlmsg_type = RTM_NEWRULE (32)
        02 00                    # nlmsg_flags = NLM_F_MULTI
        05 00 00 00  39 05 00 00 # nlmsg_seq = 5, nlmsg_pid = 1337
        # struct fib_rule_hdr
        02 10 18 00              # AF_INET, dst_len 16, src_len 24, tos 0
        00 00 00 01              # table unspec (FRA_TABLE holds 1000), res1, res2, FR_ACT_TO_TBL
        02 00 00 00              # flags = FIB_RULE_INVERT
        08 00 0f 00  e8 03 00 00     # FRA_TABLE 1000
        08 00 0e 00  00 00 00 00     # FRA_SUPPRESS_PREFIXLEN 0
        05 00 15 00  49 00 00 00     # FRA_PROTOCOL 73
        08 00 06 00  e8 03 00 00     # FRA_PRIORITY 1000
        08 00 01 00  0a 02 00 00     # FRA_DST 10.2.0.0
        08 00 02 00  0a 01 00 00     # FRA_SRC 10.1.0.0
        07 00 03 00  76 30 00 00     # FRA_IIFNAME "v0"
        08 00 0a 00  10 00 00 00     # FRA_FWMARK 0x10
        08 00 10 00  ff 00 00 00     # FRA_FWMASK 0xff
        # ---- message 2: struct nlmsghdr
        40 00 00 00              # nlmsg_len = 64
        20 00 02 00              # RTM_NEWRULE, NLM_F_MULTI
        05 00 00 00  39 05 00 00
        # struct fib_rule_hdr: AF_INET6, dst_len 32, FR_ACT_BLACKHOLE
        0a 20 00 00  00 00 00 06
        00 00 00 00
        05 00 15 00  02 00 00 00     # FRA_PROTOCOL 2 (kernel)
        08 00 06 00  fd 7f 00 00     # FRA_PRIORITY 32765
        14 00 01 00  20 01 0d b8 00 00 00 00  00 00 00 00 00 00 00 00   # FRA_DST 2001:db8::
        """);

    [Fact]
    public void EncoderWritesTheRequestTheKernelExpects()
    {
        var writer = new MessageWriter();
        RuleEncoder.Write(writer, Everything);
        MessageObjects.AssertSameBytes(AddRequestBody, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void ARuleInTheMainTableNeedsNoTableAttribute()
    {
        var writer = new MessageWriter();
        RuleEncoder.Write(writer, new Rule { Family = IpFamily.IPv6, Action = RuleAction.ToTable, Table = RouteTable.Main });
        MessageObjects.AssertSameBytes(Hex.Parse("0a 00 00 00  fe 00 00 01  00 00 00 00"), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void DecodesEveryFieldIpipToolsReads()
    {
        var rules = NetlinkMessage.ParseAll(RuleDump).Select(m => RuleReader.Read(m, "lab")).ToList();
        Assert.Equal(2, rules.Count);

        Assert.Equal(Everything with { Flags = RuleFlags.Invert, Namespace = "lab" }, rules[0]);
        Assert.Equal("1000: not from 10.1.0.0/24 to 10.2.0.0/16 fwmark 0x10/0xff iif v0 lookup 1000 suppress_prefixlength 0 proto 73", rules[0].ToString());

        var blackhole = rules[1];
        Assert.Equal((32765u, IpFamily.IPv6, RuleAction.Blackhole, RouteTable.Unspecified, RouteProtocol.Kernel),
            (blackhole.Priority, blackhole.Family, blackhole.Action, blackhole.Table, blackhole.Protocol));
        Assert.Equal(IPNetwork.Parse("2001:db8::/32"), blackhole.To);
        Assert.Null(blackhole.From);
        Assert.Equal("32765: from all to 2001:db8::/32 blackhole proto kernel", blackhole.ToString());
    }

    [Fact]
    public void ReadRuleIsMadeByTheRuleThatAskedForIt()
    {
        var read = RuleReader.Read(NetlinkMessage.ParseAll(RuleDump)[0], null);
        Assert.True(Everything.IsMadeBy(read));
        Assert.True((Everything with { Priority = null }).IsMadeBy(read), "a rule that left the priority to the kernel is made by whatever priority it chose");
        Assert.False((Everything with { FwMask = 0xf0 }).IsMadeBy(read));
        Assert.False((Everything with { Table = (RouteTable)1001 }).IsMadeBy(read));
    }

    [Fact]
    public void AMarkAloneIsReadAsAllBitsCompared()
    {
        // fib_nl_fill_rule sends FRA_FWMASK 0xffffffff for a mark given without a mask.
        var dump = Hex.Parse("""
            34 00 00 00  20 00 02 00  01 00 00 00  00 00 00 00   # nlmsg_len 52, RTM_NEWRULE
            02 00 00 00  fe 00 00 01  00 00 00 00
            08 00 06 00  64 00 00 00     # FRA_PRIORITY 100
            08 00 0a 00  07 00 00 00     # FRA_FWMARK 7
            08 00 10 00  ff ff ff ff     # FRA_FWMASK all bits
            """);
        var rule = RuleReader.Read(NetlinkMessage.ParseAll(dump)[0], null);
        Assert.Equal((7u, (uint?)null), (rule.FwMark!.Value, rule.FwMask));
        Assert.Equal("100: from all fwmark 0x7 lookup main", rule.ToString());
        Assert.True(new Rule { Priority = 100, FwMark = 7 }.IsMadeBy(rule));
    }
}
