using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Infrastructure;
using IpipTools.Links;

namespace IpipTools.Bridges;

/// <summary>
/// <c>ip link del NAME</c> for a bridge only (Remove-NetLink removes any link): the kernel
/// detaches its ports, which stay.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "NetBridge", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveNetBridgeCommand : PipedLinkCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [ArgumentCompleter(typeof(BridgeNameCompleter))]
    public string Name { get; set; } = string.Empty;

    /// <summary>A bridge is a link; a tunnel piped in is not one.</summary>
    protected override ModuleObjects? PipedObjectsActedOn => ModuleObjects.Link;

    protected override void ProcessItem()
    {
        RequireGiven(nameof(Name), "bridge");
        var name = LinkName(Name);
        var target = Target;
        // Read before -WhatIf speaks (the removal needs it anyway): a missing link, or one that is no bridge, is refused as the real run refuses it.
        var links = Client(target).Links;
        var bridge = links.Get(name).RequireKind(BridgeKind);
        if (ShouldProcess($"bridge '{name}' {target.Describe()}", "Remove bridge (its ports are detached, not removed)"))
        {
            links.Delete(bridge);
        }
    }

    /// <summary>The kind name of a bridge, as its driver knows it.</summary>
    internal static readonly string BridgeKind = LinkKindRegistry.KindOf<BridgeParameters>();
}
