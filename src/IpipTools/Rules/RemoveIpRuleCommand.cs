using System.Management.Automation;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.Rtnl.Rules;
using IpipTools.Infrastructure;

namespace IpipTools.Rules;

/// <summary>
/// <c>ip rule del ...</c>: deletes the first rule that matches everything given (what is left
/// out matches anything). A rule piped from Get-IpRule binds whole, so
/// <c>Get-IpRule -Table 100 | Remove-IpRule</c> removes exactly those. At least one selector,
/// priority or table is required: the kernel would otherwise take the first rule of all, the
/// one that looks up the local table.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "IpRule", DefaultParameterSetName = ByPropertySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveIpRuleCommand : RuleChangeCmdlet
{
    protected override EntryChange Change => EntryChange.Delete;

    protected override string ActionText => "Remove rule";

    protected override ModuleObjects? PipedObjectsActedOn => ModuleObjects.Rule;

    protected override Rule Requested()
    {
        var rule = Given() with
        {
            // As ip rule del: a table given means "lookup that table"; nothing given, any action.
            Action = Action ?? (Table is not null and not 0 ? RuleAction.ToTable : RuleAction.Unspecified),
            Table = (RouteTable?)Table ?? RouteTable.Unspecified,
            Protocol = Protocol ?? RouteProtocol.Unspecified,
        };
        if (rule.Priority is null && rule.From is null && rule.To is null && rule.InputInterface is null && rule.OutputInterface is null
            && rule.FwMark is null && rule.FwMask is null && rule.Table == RouteTable.Unspecified && rule.Action == RuleAction.Unspecified)
        {
            throw new IpipToolsException(
                "Remove-IpRule was given nothing to match: the kernel would delete the first rule of all, the one that looks up the local table, and nothing was changed.",
                "RuleSelectorMissing", IpipErrorCategory.InvalidArgument,
                "Give -Priority, a selector (-From, -To, -InputInterface, -OutputInterface, -FwMark) or -Table, or pipe the rules Get-IpRule writes.", rule);
        }

        return rule;
    }
}
