using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.Rtnl.Rules;
using IpipTools.Infrastructure;
using IpipTools.Routes;

namespace IpipTools.Rules;

/// <summary>
/// <c>ip rule show</c> and <c>ip -6 rule show</c>: the policy routing rules, IPv4 then IPv6,
/// each in the order the kernel applies them, narrowed by priority, table or protocol.
/// </summary>
[Cmdlet(VerbsCommon.Get, "IpRule", DefaultParameterSetName = ByPropertySet)]
[OutputType(typeof(Rule))]
public sealed class GetIpRuleCommand : PipedNamespaceCmdlet
{
    [Parameter(Position = 0, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [Alias("Pref", "Preference")]
    public uint? Priority { get; set; }

    /// <summary>One family only; both when left out.</summary>
    [Parameter]
    public IpFamily? Family { get; set; }

    /// <summary>Only rules that look up this table: a number, or main, local, default by name.</summary>
    [Parameter]
    [Alias("Lookup")]
    [RouteTableName]
    [ArgumentCompleter(typeof(RouteTableCompleter))]
    public uint? Table { get; set; }

    /// <summary>Only rules installed by this protocol, by name (kernel, IpipTools ...) or number.</summary>
    [Parameter]
    [RouteProtocolName]
    public RouteProtocol? Protocol { get; set; }

    protected override void ProcessItem()
    {
        var rules = Client(Target).Rules;
        foreach (var family in Family is IpFamily one ? new[] { one } : new[] { IpFamily.IPv4, IpFamily.IPv6 })
        {
            WriteEach(rules.List(family).Where(r =>
                (Priority is null || r.Priority == Priority) && (Table is null || (uint)r.Table == Table) && (Protocol is null || r.Protocol == Protocol)).ToList());
        }
    }
}
