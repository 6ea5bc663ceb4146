using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Infrastructure;
using IpipTools.Links;

namespace IpipTools.Bridges;

/// <summary>
/// <c>ip link set NAME type bridge [stp_state 0|1] [vlan_filtering 0|1]</c>: a bridge's own
/// options, only those given (the kernel's bridge changes only what a request names). What
/// every link has (up, MTU, name, alias, namespace) is Set-NetLink's. Bridges bind from the
/// pipeline by name, as New-NetBridge and Get-NetLink write them.
/// </summary>
[Cmdlet(VerbsCommon.Set, "NetBridge", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(Link))]
public sealed class SetNetBridgeCommand : PipedLinkCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [ArgumentCompleter(typeof(BridgeNameCompleter))]
    public string Name { get; set; } = string.Empty;

    /// <summary>A bridge is a link; a tunnel piped in is not one.</summary>
    protected override ModuleObjects? PipedObjectsActedOn => ModuleObjects.Link;

    /// <summary>Run the spanning tree protocol (-SpanningTree) or stop it (-SpanningTree:$false).</summary>
    [Parameter]
    public SwitchParameter SpanningTree { get; set; }

    /// <summary>Filter the ports' traffic by VLAN (-VlanFiltering) or not (-VlanFiltering:$false).</summary>
    [Parameter]
    public SwitchParameter VlanFiltering { get; set; }

    /// <summary>Write the bridge as it is after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem()
    {
        RequireGiven(nameof(Name), "bridge");
        var options = new BridgeParameters
        {
            SpanningTree = SwitchIfGiven(nameof(SpanningTree), SpanningTree),
            VlanFiltering = SwitchIfGiven(nameof(VlanFiltering), VlanFiltering),
        };
        if (options == new BridgeParameters())
        {
            throw new IpipToolsException("Set-NetBridge was given no option to change.", "NothingToChange", IpipErrorCategory.InvalidArgument,
                "Give -SpanningTree or -VlanFiltering (with :$false to turn one off); Set-NetLink changes what every link has (up, MTU, name, master).", Name);
        }

        var name = LinkName(Name);
        var target = Target;
        // Read before -WhatIf speaks (the change needs it anyway): a missing link, or one that is no bridge, is refused as the real run refuses it.
        var links = Client(target).Links;
        var bridge = links.Get(name).RequireKind(RemoveNetBridgeCommand.BridgeKind);
        if (ShouldProcess($"bridge '{name}' {target.Describe()}", $"Set bridge {name} {options.Words()}"))
        {
            // A kernel without bridge VLAN filtering is worded by the bridge driver.
            links.ChangeKindParameters(bridge, options);
            WritePassThru(PassThru, links.Get(name));
        }
    }
}
