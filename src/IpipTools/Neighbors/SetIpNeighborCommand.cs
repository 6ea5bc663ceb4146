using System.Management.Automation;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Neighbors;
using IpipTools.Infrastructure;

namespace IpipTools.Neighbors;

/// <summary>
/// <c>ip neigh change ADDRESS [lladdr LLADDR] dev DEVICE [nud STATE]</c>: changes an entry that
/// exists (refused when there is none: Add-IpNeighbor adds). As with ip, the state is set to
/// -State, Permanent when left out, whatever the piped entry's was; a link-layer address left
/// out keeps the entry's own.
/// </summary>
[Cmdlet(VerbsCommon.Set, "IpNeighbor", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Neighbor))]
public sealed class SetIpNeighborCommand : NeighborSetCmdlet
{
    /// <summary>
    /// The state to set, from the command line only: a piped entry's own state does not bind, so
    /// <c>Get-IpNeighbor -State Reachable | Set-IpNeighbor</c> pins learned entries as Permanent.
    /// </summary>
    [Parameter]
    public NeighborState? State { get; set; }

    protected override NeighborState? RequestedState => State;

    /// <summary>Write the entry as the kernel lists it after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override EntryChange Change => EntryChange.Change;

    protected override string ActionText => "Change neighbour entry to";

    protected override bool WritesMade => PassThru.IsPresent;

    protected override ModuleObjects? PipedObjectsActedOn => ModuleObjects.Neighbor;
}
