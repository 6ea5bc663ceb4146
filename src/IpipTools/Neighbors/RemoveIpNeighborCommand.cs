using System.Management.Automation;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Neighbors;
using IpipTools.Infrastructure;

namespace IpipTools.Neighbors;

/// <summary>
/// <c>ip neigh del ADDRESS dev DEVICE</c> (and <c>ip neigh del proxy ADDRESS dev DEVICE</c>):
/// entries from Get-IpNeighbor bind whole, so <c>Get-IpNeighbor v0 -State Permanent |
/// Remove-IpNeighbor</c> removes exactly those.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "IpNeighbor", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveIpNeighborCommand : NeighborChangeCmdlet
{
    protected override EntryChange Change => EntryChange.Delete;

    protected override string ActionText => "Remove neighbour entry";

    protected override ModuleObjects? PipedObjectsActedOn => ModuleObjects.Neighbor;

    protected override Neighbor Requested() => Key();
}
