using System.Management.Automation;
using IpipTools.Core.DesiredState.Topologies;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.Rtnl.Rules;

namespace IpipTools.Rules;

/// <summary>
/// <c>ip rule add [not] [from P] [to P] [fwmark M[/MASK]] [iif D] [oif D] [priority N]
/// [lookup T | blackhole | unreachable | prohibit | nop] [suppress_prefixlength L]</c>, IPv4
/// or IPv6: writes the rule as the kernel lists it (with the priority it chose, when none was
/// given). As ip does, a rule without an action looks up the main table; it carries
/// IpipTools' protocol (73) unless -Protocol says otherwise.
/// </summary>
[Cmdlet(VerbsCommon.Add, "IpRule", DefaultParameterSetName = ByPropertySet, SupportsShouldProcess = true)]
[OutputType(typeof(Rule))]
public sealed class AddIpRuleCommand : RuleChangeCmdlet
{
    protected override EntryChange Change => EntryChange.Add;

    protected override string ActionText => "Add rule";

    protected override Rule Requested()
    {
        var action = Action ?? RuleAction.ToTable;
        return Given() with
        {
            Action = action,
            Table = (RouteTable?)Table ?? (action == RuleAction.ToTable ? RouteTable.Main : RouteTable.Unspecified),
            Protocol = Protocol ?? Ownership.Protocol,
        };
    }
}
