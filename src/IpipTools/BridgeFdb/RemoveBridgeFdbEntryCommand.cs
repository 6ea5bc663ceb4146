using System.Management.Automation;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.BridgeFdb;
using IpipTools.Infrastructure;

namespace IpipTools.BridgeFdb;

/// <summary>
/// <c>bridge fdb del MAC dev DEVICE [dst ADDRESS] [vni VNI] [vlan VID] [self|master]</c>: on a
/// vxlan, a remote given removes that remote only. Entries from Get-BridgeFdbEntry bind whole.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "BridgeFdbEntry", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveBridgeFdbEntryCommand : BridgeFdbChangeCmdlet
{
    protected override EntryChange Change => EntryChange.Delete;

    protected override string ActionText => "Remove FDB entry";

    protected override ModuleObjects? PipedObjectsActedOn => ModuleObjects.BridgeFdbEntry;

    protected override BridgeFdbEntry Requested() => Given();
}
