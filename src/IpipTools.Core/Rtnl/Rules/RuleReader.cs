using IpipTools.Core.Netlink;
using IpipTools.Core.Rtnl.Routes;

namespace IpipTools.Core.Rtnl.Rules;

/// <summary>Builds <see cref="Rule"/>s from RTM_NEWRULE messages.</summary>
public static class RuleReader
{
    private static readonly int HeaderSize = System.Runtime.CompilerServices.Unsafe.SizeOf<FibRuleHeader>();

    public static Rule Read(NetlinkMessage message, string? namespaceName)
    {
        var header = message.ReadFixedHeader<FibRuleHeader>();
        if (header.Family is not (AddressFamilies.Inet or AddressFamilies.Inet6))
        {
            throw new NetlinkProtocolException($"a rule of address family {header.Family}; IpipTools reads IPv4 (2) and IPv6 (10) rules");
        }

        var a = message.ReadAttributes(HeaderSize);
        var mark = a.GetUInt32(RuleAttribute.FirewallMark);
        var mask = a.GetUInt32(RuleAttribute.FirewallMask);
        return new Rule
        {
            Priority = a.GetUInt32(RuleAttribute.Priority) ?? 0,
            Family = (IpFamily)header.Family,
            Not = header.Flags.HasFlag(RuleFlags.Invert),
            From = a.TryGet(RuleAttribute.Source, out var from) ? PrefixReader.Read(from.Payload.Span, header.SourceLength) : null,
            To = a.TryGet(RuleAttribute.Destination, out var to) ? PrefixReader.Read(to.Payload.Span, header.DestinationLength) : null,
            InputInterface = a.GetString(RuleAttribute.InputInterfaceName),
            OutputInterface = a.GetString(RuleAttribute.OutputInterfaceName),

            // The kernel reports a mask whenever there is a mark; all bits is what a mark alone means.
            FwMark = mark is 0 && mask is null or 0 ? null : mark,
            FwMask = mask is null or uint.MaxValue || (mark is null or 0 && mask is 0) ? null : mask,
            Table = header.Action == RuleAction.ToTable ? (RouteTable)(a.GetUInt32(RuleAttribute.Table) ?? header.Table) : RouteTable.Unspecified,
            Action = header.Action,
            SuppressPrefixLength = a.GetUInt32(RuleAttribute.SuppressPrefixLength) is uint suppress and not uint.MaxValue ? (int)suppress : null,
            Protocol = (RouteProtocol)(a.GetByte(RuleAttribute.Protocol) ?? 0),
            Flags = header.Flags,
            Namespace = namespaceName,
        };
    }
}
