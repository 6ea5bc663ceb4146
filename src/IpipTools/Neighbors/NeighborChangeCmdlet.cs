using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Neighbors;
using IpipTools.Infrastructure;

namespace IpipTools.Neighbors;

/// <summary>
/// What Add-, Set- and Remove-IpNeighbor share: the entry's key (address, device, proxy or
/// not), the address from the pipeline by value (strings) or by property name (entries from
/// Get-IpNeighbor, rows, objects), the device by property name.
/// </summary>
public abstract class NeighborChangeCmdlet : EntryChangeCmdlet<Neighbor>
{
    /// <summary>The neighbour's IPv4 or IPv6 address.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PipedNamespaceSet)]
    [IPAddressArgument]
    public IPAddress Address { get; set; } = IPAddress.None;

    /// <summary>The device the neighbour is reached on.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string InterfaceName { get; set; } = string.Empty;

    /// <summary>A proxy entry (<c>ip neigh ... proxy</c>): the host answers ARP or NDP for the address on the device.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    public SwitchParameter Proxy { get; set; }

    protected sealed override string ItemParameter => nameof(Address);

    protected sealed override ReadBackBatch<Neighbor> CreateBatch(RtnetlinkClient connection) => connection.Neighbors.CreateBatch(Change);

    protected sealed override string TargetOf(Neighbor entry) => $"neighbour {entry.Address} on '{entry.Device}'";

    /// <summary>The entry's key as given; <see cref="Requested"/> adds what a derived cmdlet sends.</summary>
    protected Neighbor Key()
    {
        RequireGiven(nameof(InterfaceName), "device");
        return new Neighbor(Address, InterfaceName) { Proxy = Proxy.IsPresent };
    }
}
