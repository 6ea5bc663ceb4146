using System.Management.Automation;
using IpipTools.Core.DesiredState.Topologies;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Infrastructure;

namespace IpipTools.Bridges;

/// <summary>
/// <c>ip link add NAME [mtu M] type bridge [stp_state 1] [vlan_filtering 1] [up]</c>, with the
/// kernel's bridge defaults for the rest; writes the bridge. Ports join it with Set-NetLink
/// -Master; Set-NetBridge changes its options. Like everything IpipTools creates, it carries
/// IpipTools' mark (<see cref="Ownership.LinkAlias"/>).
/// </summary>
[Cmdlet(VerbsCommon.New, "NetBridge", SupportsShouldProcess = true)]
[OutputType(typeof(Link))]
public sealed class NewNetBridgeCommand : NamespacedCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Name { get; set; } = string.Empty;

    /// <summary>Bring the bridge up.</summary>
    [Parameter]
    public SwitchParameter Up { get; set; }

    [Parameter]
    public int? Mtu { get; set; }

    /// <summary>Run the spanning tree protocol (stp_state 1); off when left out, as the kernel makes a bridge.</summary>
    [Parameter]
    public SwitchParameter SpanningTree { get; set; }

    /// <summary>Filter the ports' traffic by VLAN (vlan_filtering 1); off when left out.</summary>
    [Parameter]
    public SwitchParameter VlanFiltering { get; set; }

    protected override void ProcessItem()
    {
        // Checked before -WhatIf answers, so that it refuses bad input as the real run does.
        InterfaceName.Validate(Name);
        if (Mtu is int mtu)
        {
            LinkMtu.Validate(mtu, "-Mtu");
        }

        var target = Target;
        var options = new BridgeParameters
        {
            SpanningTree = SwitchIfGiven(nameof(SpanningTree), SpanningTree),
            VlanFiltering = SwitchIfGiven(nameof(VlanFiltering), VlanFiltering),
        };
        var words = options.Words();
        var bridge = Link.Of(Name, options) with { Mtu = Mtu, IsUp = Up.IsPresent, Alias = Ownership.LinkAlias };
        if (ApprovalAsked)
        {
            // A name taken is refused as the kernel's answer would be, before -WhatIf speaks.
            Client(target).Links.CheckNamesFree(bridge);
        }

        if (ShouldProcess($"bridge '{Name}' {target.Describe()}", $"Create bridge {Name}{(Mtu is null ? string.Empty : $", MTU {Mtu}")}{(words.Length == 0 ? string.Empty : $", {words}")}"))
        {
            // A kernel without bridge VLAN filtering is worded by the bridge driver.
            _creations ??= EndsWithPipeline(new PipelineLinkCreations(this, Client));
            _creations.Queue(target, bridge);
        }
    }

    /// <summary>The bridges still queued are created here, at the end of the pipeline.</summary>
    protected override void EndProcessing() => _creations?.SendAll();

    private PipelineLinkCreations? _creations;
}
