using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Core.Rtnl.Rules;
using IpipTools.Infrastructure;
using IpipTools.Routes;

namespace IpipTools.Rules;

/// <summary>
/// What Add-IpRule and Remove-IpRule share: the selectors and the action of <c>ip rule</c>,
/// each by property name too, so a rule from Get-IpRule (or a row, or an object) binds whole.
/// An add fills in what ip fills in (lookup main, IpipTools' protocol); a removal sends only
/// what was given, and the kernel deletes the first rule matching all of it.
/// </summary>
public abstract class RuleChangeCmdlet : EntryChangeCmdlet<Rule>
{
    /// <summary>The rule's place in the list (<c>priority</c>, <c>pref</c>), lowest first.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [Alias("Pref", "Preference")]
    [BlankIsUnset]
    public uint? Priority { get; set; }

    /// <summary>IPv4 or IPv6; taken from -From or -To when given, IPv4 otherwise (as <c>ip rule</c>; <c>ip -6 rule</c> is -Family IPv6).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public IpFamily? Family { get; set; }

    /// <summary>Negate the selector (<c>not</c>).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    public SwitchParameter Not { get; set; }

    /// <summary>Source prefix (<c>from</c>); left out, any source.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    [StrictPrefix]
    public IPNetwork? From { get; set; }

    /// <summary>Destination prefix (<c>to</c>); left out, any destination.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    [StrictPrefix]
    public IPNetwork? To { get; set; }

    /// <summary>The device packets come in on (<c>iif</c>); lo matches what the host itself sends. It need not exist yet.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Iif")]
    [BlankIsUnset]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string? InputInterface { get; set; }

    /// <summary>The device a socket is bound to (<c>oif</c>).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Oif")]
    [BlankIsUnset]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string? OutputInterface { get; set; }

    /// <summary>The firewall mark to match (<c>fwmark</c>; 0x10 is a number in PowerShell too).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public uint? FwMark { get; set; }

    /// <summary>Which bits of the mark are compared (<c>fwmark M/MASK</c>); all when left out.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public uint? FwMask { get; set; }

    /// <summary>The table to look up (<c>lookup</c>): a number, or main, local, default by name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Lookup")]
    [BlankIsUnset]
    [RouteTableName]
    [ArgumentCompleter(typeof(RouteTableCompleter))]
    public uint? Table { get; set; }

    /// <summary>ToTable (look up -Table), or Blackhole, Unreachable, Prohibit, Nop.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public RuleAction? Action { get; set; }

    /// <summary>Ignore the table's answer when its prefix is this long or shorter (<c>suppress_prefixlength</c>).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public int? SuppressPrefixLength { get; set; }

    /// <summary>Who installed the rule, by name or number (<c>protocol</c>).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    [RouteProtocolName]
    public RouteProtocol? Protocol { get; set; }

    protected sealed override string ItemParameter => nameof(Priority);

    protected sealed override ReadBackBatch<Rule> CreateBatch(RtnetlinkClient connection) => connection.Rules.CreateBatch(Change);

    protected sealed override string TargetOf(Rule entry) => entry.Priority is uint priority ? $"{entry.Family} rule {priority}" : $"{entry.Family} rules";

    /// <summary>The rule the parameters give, with the action and table as given (null when not).</summary>
    protected Rule Given() => new()
    {
        Priority = Priority,
        Family = Family ?? ((From ?? To) is IPNetwork prefix ? (IpFamily)AddressFamilies.Of(prefix.BaseAddress) : IpFamily.IPv4),
        Not = Not.IsPresent,
        From = From,
        To = To,
        InputInterface = InputInterface,
        OutputInterface = OutputInterface,
        FwMark = FwMark,
        FwMask = FwMask,
        SuppressPrefixLength = SuppressPrefixLength,
    };
}
