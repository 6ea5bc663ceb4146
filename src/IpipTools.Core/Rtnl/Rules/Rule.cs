using System.Globalization;
using System.Net;
using System.Text;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.Rtnl.Rules;

/// <summary>
/// A policy routing rule (<c>ip rule add [not] [from P] [to P] [fwmark M[/MASK]] [iif D] [oif D]
/// [priority N] [lookup T | blackhole | unreachable | prohibit | nop] [suppress_prefixlength L]
/// [protocol P]</c>): what is asked for, and what the kernel lists (<see cref="RuleReader"/>
/// fills <see cref="Flags"/> and <see cref="Namespace"/> too). A selector left null matches
/// everything; a removal sends what it has, and the kernel deletes the first rule that
/// matches it on each of those.
/// </summary>
public sealed record Rule
{
    /// <summary>Where the rule sits in the list, lowest first; null asks the kernel to pick one (just above the first rule with a priority).</summary>
    public uint? Priority { get; init; }

    public IpFamily Family { get; init; } = IpFamily.IPv4;

    /// <summary>The selector is negated (<c>not</c>): the rule applies to what it does not match.</summary>
    public bool Not { get; init; }

    /// <summary>Source prefix (<c>from</c>); null is "all".</summary>
    public IPNetwork? From { get; init; }

    /// <summary>Destination prefix (<c>to</c>).</summary>
    public IPNetwork? To { get; init; }

    /// <summary>The device the packet came in on (<c>iif</c>), by name; lo for packets the host sends.</summary>
    public string? InputInterface { get; init; }

    /// <summary>The device a socket is bound to (<c>oif</c>), by name.</summary>
    public string? OutputInterface { get; init; }

    /// <summary>The firewall mark to match (<c>fwmark</c>), as iptables or a tunnel's fwmark sets it.</summary>
    public uint? FwMark { get; init; }

    /// <summary>Which bits of the mark are compared; null compares all of them when a mark is given.</summary>
    public uint? FwMask { get; init; }

    /// <summary>The table looked up (<c>lookup</c>) when <see cref="Action"/> is ToTable; Unspecified otherwise.</summary>
    public RouteTable Table { get; init; } = RouteTable.Main;

    public RuleAction Action { get; init; } = RuleAction.ToTable;

    /// <summary>Ignore a table's answer when its prefix is this long or shorter (<c>suppress_prefixlength</c>; 0 ignores default routes).</summary>
    public int? SuppressPrefixLength { get; init; }

    /// <summary>Who installed the rule (<c>protocol</c>): kernel for the three the kernel makes, IpipTools' own (73) for the module's.</summary>
    public RouteProtocol Protocol { get; init; } = RouteProtocol.Unspecified;

    /// <summary>fib_rule_hdr flags as read (permanent, invert, a detached device).</summary>
    public RuleFlags Flags { get; init; }

    /// <summary>The namespace the rule was read in (null: the caller's).</summary>
    public string? Namespace { get; init; }

    /// <summary>The mask the kernel applies: the given one, all bits when only a mark is given, none without a mark.</summary>
    internal uint? EffectiveFwMask => FwMask ?? (FwMark is > 0 ? uint.MaxValue : null);

    /// <summary>Whether <paramref name="read"/>, as the kernel lists it, is the rule this one asked for (a priority left null is any).</summary>
    public bool IsMadeBy(Rule read) =>
        read.Family == Family && (Priority is null || read.Priority == Priority) && read.Not == Not
        && Equals(read.From, From) && Equals(read.To, To)
        && read.InputInterface == InputInterface && read.OutputInterface == OutputInterface
        && (read.FwMark ?? 0) == (FwMark ?? 0) && (read.EffectiveFwMask ?? 0) == (EffectiveFwMask ?? 0)
        && read.Action == Action && (Action != RuleAction.ToTable || read.Table == Table)
        && read.SuppressPrefixLength == SuppressPrefixLength
        && (Protocol == RouteProtocol.Unspecified || read.Protocol == Protocol);

    /// <summary>Like <c>ip rule</c> prints it: "100: from 10.1.0.0/24 lookup 100 proto 73".</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Priority is uint priority)
        {
            text.Append(priority.ToString(CultureInfo.InvariantCulture)).Append(": ");
        }

        text.Append(Not ? "not from " : "from ").Append(From?.ToString() ?? "all");
        Append(text, "to", To?.ToString());
        if (FwMark is not null || FwMask is not null)
        {
            text.Append(" fwmark 0x").Append((FwMark ?? 0).ToString("x", CultureInfo.InvariantCulture));
            if (EffectiveFwMask is uint mask and not uint.MaxValue)
            {
                text.Append("/0x").Append(mask.ToString("x", CultureInfo.InvariantCulture));
            }
        }

        Append(text, "iif", InputInterface);
        Append(text, "oif", OutputInterface);
        // A removal that leaves the action open (Unspecified: any) says nothing, as ip rule del does.
        Append(text, Action == RuleAction.ToTable ? "lookup" : null, Action switch
        {
            RuleAction.ToTable => Table.ToIpString(),
            RuleAction.Unspecified => null,
            _ => Action.ToString().ToLowerInvariant(),
        });
        Append(text, "suppress_prefixlength", SuppressPrefixLength?.ToString(CultureInfo.InvariantCulture));
        if (Protocol != RouteProtocol.Unspecified)
        {
            Append(text, "proto", Protocol.ToIpString());
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string? word, string? value)
    {
        if (value is not null)
        {
            text.Append(' ').Append(word is null ? value : $"{word} {value}");
        }
    }
}
