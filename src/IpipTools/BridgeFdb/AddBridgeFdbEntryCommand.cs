using System.Management.Automation;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.BridgeFdb;
using IpipTools.Infrastructure;

namespace IpipTools.BridgeFdb;

/// <summary>
/// <c>bridge fdb add|append MAC dev DEVICE [dst ADDRESS] [vni VNI] [vlan VID] [self|master]
/// [permanent|static|dynamic]</c>: what a vxlan without multicast needs, one flood entry
/// (00:00:00:00:00:00) per remote VTEP, the second and later added with -Append. Writes the
/// entry as the kernel lists it.
/// </summary>
[Cmdlet(VerbsCommon.Add, "BridgeFdbEntry", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(BridgeFdbEntry))]
public sealed class AddBridgeFdbEntryCommand : BridgeFdbChangeCmdlet
{
    /// <summary>Permanent (the default, as bridge fdb's), Static or Dynamic.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public BridgeFdbState? State { get; set; }

    /// <summary>Add beside an entry for the same MAC with another remote (<c>bridge fdb append</c>), as a vxlan's flood list needs.</summary>
    [Parameter]
    public SwitchParameter Append { get; set; }

    protected override EntryChange Change => Append.IsPresent ? EntryChange.Append : EntryChange.Add;

    protected override string ActionText => Append.IsPresent ? "Append FDB entry" : "Add FDB entry";

    protected override BridgeFdbEntry Requested() => Given() with { State = State ?? BridgeFdbState.Permanent };
}
