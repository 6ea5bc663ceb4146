using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.Rtnl.Rules;

/// <summary>The one place a <see cref="Rule"/> is checked and becomes a fib_rule_hdr and its FRA_* attributes.</summary>
internal static class RuleEncoder
{
    /// <summary>Refuses, before the kernel sees it, a rule it would refuse or read otherwise than meant.</summary>
    public static void Validate(Rule rule, bool removing)
    {
        foreach (var (word, prefix) in new[] { ("from", rule.From), ("to", rule.To) })
        {
            if (prefix is IPNetwork network && AddressFamilies.Of(network.BaseAddress) != (byte)rule.Family)
            {
                throw Invalid(rule, $"its {word} prefix {network} is not {rule.Family}", "RuleFamilyMismatch",
                    $"Give -Family {(rule.Family == IpFamily.IPv4 ? "IPv6" : "IPv4")}, or an {rule.Family} prefix; a rule holds one family.");
            }
        }

        foreach (var name in new[] { rule.InputInterface, rule.OutputInterface })
        {
            if (name is not null)
            {
                InterfaceName.Validate(name);
            }
        }

        if (removing)
        {
            return;
        }

        if (rule.Action == RuleAction.ToTable && rule.Table == RouteTable.Unspecified)
        {
            throw Invalid(rule, "it looks up table 0, which is no table", "RuleTableUnspecified", "Give -Table (a number, or main, local, default); main when left out.");
        }

        if (rule.Action is not (RuleAction.ToTable or RuleAction.Nop or RuleAction.Blackhole or RuleAction.Unreachable or RuleAction.Prohibit))
        {
            throw Invalid(rule, $"the action {rule.Action} is not one IpipTools adds", "RuleActionUnsupported",
                "Give -Action ToTable (with -Table), Blackhole, Unreachable, Prohibit or Nop.");
        }

        if (rule.Action != RuleAction.ToTable && rule.Table != RouteTable.Unspecified)
        {
            throw Invalid(rule, $"a {rule.Action.ToString().ToLowerInvariant()} rule looks no table up, yet table {rule.Table.ToIpString()} was given", "RuleTableWithoutLookup",
                "Leave -Table out, or make the action ToTable.");
        }

        var bits = rule.Family == IpFamily.IPv4 ? 32 : 128;
        if (rule.SuppressPrefixLength is int suppress && (rule.Action != RuleAction.ToTable || suppress < 0 || suppress > bits))
        {
            throw Invalid(rule, rule.Action != RuleAction.ToTable
                    ? "suppress_prefixlength applies to a table's answer, and this rule looks no table up"
                    : $"suppress_prefixlength {suppress} is outside 0 to {bits}", "RuleSuppressInvalid",
                $"Give a length from 0 to {bits} (0 ignores the table's default route) on a rule that looks a table up.");
        }
    }

    public static void Write(MessageWriter w, Rule rule)
    {
        var table = (uint)rule.Table;
        w.WriteStruct(new FibRuleHeader
        {
            Family = (byte)rule.Family,
            DestinationLength = (byte)(rule.To?.PrefixLength ?? 0),
            SourceLength = (byte)(rule.From?.PrefixLength ?? 0),
            Table = table < 256 ? (byte)table : (byte)0,
            Action = rule.Action,
            Flags = rule.Not ? RuleFlags.Invert : RuleFlags.None,
        });
        if (rule.Priority is uint priority)
        {
            w.AddUInt32(RuleAttribute.Priority, priority);
        }

        if (rule.From is IPNetwork from)
        {
            w.AddAddress(RuleAttribute.Source, from.BaseAddress);
        }

        if (rule.To is IPNetwork to)
        {
            w.AddAddress(RuleAttribute.Destination, to.BaseAddress);
        }

        if (rule.FwMark is not null || rule.FwMask is not null)
        {
            w.AddUInt32(RuleAttribute.FirewallMark, rule.FwMark ?? 0);
        }

        if (rule.FwMask is uint mask)
        {
            w.AddUInt32(RuleAttribute.FirewallMask, mask);
        }

        if (table >= 256)
        {
            w.AddUInt32(RuleAttribute.Table, table);
        }

        if (rule.SuppressPrefixLength is int suppress)
        {
            w.AddUInt32(RuleAttribute.SuppressPrefixLength, (uint)suppress);
        }

        if (rule.InputInterface is not null)
        {
            w.AddString(RuleAttribute.InputInterfaceName, rule.InputInterface);
        }

        if (rule.OutputInterface is not null)
        {
            w.AddString(RuleAttribute.OutputInterfaceName, rule.OutputInterface);
        }

        if (rule.Protocol != RouteProtocol.Unspecified)
        {
            w.AddByte(RuleAttribute.Protocol, (byte)rule.Protocol);
        }
    }

    private static IpipToolsException Invalid(Rule rule, string why, string errorId, string action) =>
        new($"The rule '{rule}' cannot be sent: {why}.", errorId, IpipErrorCategory.InvalidArgument, action, rule);
}
