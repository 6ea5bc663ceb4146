using System.Management.Automation;
using System.Net;
using System.Net.NetworkInformation;
using IpipTools.Completers;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.BridgeFdb;
using IpipTools.Core.Rtnl.Neighbors;
using IpipTools.Infrastructure;

namespace IpipTools.BridgeFdb;

/// <summary>
/// What Add- and Remove-BridgeFdbEntry share: what names an FDB entry (MAC, device, remote,
/// VNI, VLAN, and whose table: the device's own or its bridge's), from the pipeline by property
/// name, so entries from Get-BridgeFdbEntry bind whole.
/// </summary>
public abstract class BridgeFdbChangeCmdlet : EntryChangeCmdlet<BridgeFdbEntry>
{
    /// <summary>The MAC address frames are sent to; 00:00:00:00:00:00 on a vxlan is the flood entry (broadcast and unknown destinations).</summary>
    /// <remarks>
    /// A PhysicalAddress, not a string: PowerShell makes one only of text (aa:bb:.., aa-bb-..),
    /// while it would make a string of any object piped in, which would then bind as a MAC address.
    /// </remarks>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PipedNamespaceSet)]
    [Alias("LLAddr")]
    public PhysicalAddress MacAddress { get; set; } = PhysicalAddress.None;

    /// <summary>The vxlan device, bridge port or bridge the entry belongs to.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string InterfaceName { get; set; } = string.Empty;

    /// <summary>The remote VTEP (<c>dst</c>) of a vxlan entry.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Dst")]
    [BlankIsUnset]
    [IPAddressArgument]
    public IPAddress? Destination { get; set; }

    /// <summary>The VXLAN network identifier towards the remote (<c>vni</c>); the device's own when left out.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public uint? Vni { get; set; }

    /// <summary>The VLAN of the entry on a VLAN-filtering bridge (<c>vlan</c>).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public ushort? Vlan { get; set; }

    /// <summary>The device's own table (<c>self</c>): a vxlan's, or a bridge's own. The default when neither -Self nor -Master is given, as with bridge fdb.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    public SwitchParameter Self { get; set; }

    /// <summary>The table of the bridge the device is a port of (<c>master</c>).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    public SwitchParameter Master { get; set; }

    protected sealed override string ItemParameter => nameof(MacAddress);

    protected sealed override ReadBackBatch<BridgeFdbEntry> CreateBatch(RtnetlinkClient connection) => connection.BridgeFdb.CreateBatch(Change);

    protected sealed override string TargetOf(BridgeFdbEntry entry) => $"FDB entry {entry.MacAddress} on '{entry.Device}'";

    /// <summary>The entry the parameters name.</summary>
    protected BridgeFdbEntry Given()
    {
        RequireGiven(nameof(InterfaceName), "device");
        return new BridgeFdbEntry(LinkLayerAddress.FormatHex(MacAddress.GetAddressBytes()), InterfaceName)
        {
            Destination = Destination,
            Vni = Vni,
            Vlan = Vlan,
            Self = Self.IsPresent || !Master.IsPresent,
            Master = Master.IsPresent,
        };
    }
}
