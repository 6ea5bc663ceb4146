using System.Management.Automation;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Neighbors;
using IpipTools.Infrastructure;

namespace IpipTools.Neighbors;

/// <summary>
/// <c>ip neigh add ADDRESS lladdr LLADDR dev DEVICE [nud STATE] [router]</c> and
/// <c>ip neigh add proxy ADDRESS dev DEVICE</c>: an ARP or NDP entry, refused when one with
/// that address is on the device already. Writes the entry as the kernel lists it.
/// </summary>
[Cmdlet(VerbsCommon.Add, "IpNeighbor", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(Neighbor))]
public sealed class AddIpNeighborCommand : NeighborSetCmdlet
{
    /// <summary>Permanent (the default, as <c>ip neigh</c>'s), Reachable, Stale or NoArp (<c>nud</c>); piped entries and rows bind theirs.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public NeighborState? State { get; set; }

    protected override NeighborState? RequestedState => State;

    protected override EntryChange Change => EntryChange.Add;

    protected override string ActionText => "Add neighbour entry";
}
