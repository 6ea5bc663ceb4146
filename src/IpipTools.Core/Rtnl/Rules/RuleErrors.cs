using IpipTools.Core.Interop;
using IpipTools.Core.Netlink;

namespace IpipTools.Core.Rtnl.Rules;

/// <summary>Plain-words explanations for what the kernel says when it refuses a rule.</summary>
internal static class RuleErrors
{
    public static NetlinkException Explain(NetlinkException e, Rule rule, EntryChange change) => e.ErrorNumber switch
    {
        Errno.EEXIST => e.Explain($"the rule '{rule}' already exists", "Leave it as it is, or remove it first (Get-IpRule | Remove-IpRule).", "RuleExists", rule),
        Errno.ENOENT when change == EntryChange.Delete => e.Explain($"no {rule.Family} rule matches '{rule}'",
            $"List the rules with Get-IpRule -Family {rule.Family} (or 'ip rule'); a rule given by parameters must match on each one given.", "RuleNotFound", rule),
        Errno.EAFNOSUPPORT => e.Explain($"this kernel has no {rule.Family} policy routing", "Check that the kernel is built with multiple routing tables (CONFIG_IP_MULTIPLE_TABLES, CONFIG_IPV6_MULTIPLE_TABLES).", "RuleFamilyUnsupported", rule),
        Errno.EPERM when rule.Protocol == Routes.RouteProtocol.Kernel || (rule.Priority == 0 && change == EntryChange.Delete) =>
            e.Explain($"the rule '{rule}' is one the kernel keeps", "Leave the kernel's own rules in place; add a rule with a lower priority number to come before them.", "RulePermanent", rule),
        _ => e.Explain(e.Explanation ?? Errno.Describe(e.ErrorNumber), e.RecommendedAction ?? "Check the rule against 'ip rule help'.",
            e.ErrorId == "NetlinkRequestFailed" ? "RuleRejected" : e.ErrorId, rule),
    };
}
