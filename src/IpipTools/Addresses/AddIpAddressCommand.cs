using System.Management.Automation;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Infrastructure;

namespace IpipTools.Addresses;

/// <summary>
/// <c>ip addr add ADDRESS[/N] [scope S] dev D</c>: a plain address on any interface, IPv4 or
/// IPv6, with the network it is on (10.10.10.2/24). Add-TunnelPeerAddress is its peer form
/// (<see cref="AddressAddCmdlet"/>). Addresses bind from the pipeline by value (strings) and by
/// property name (rows from Import-Csv, addresses read elsewhere).
/// </summary>
[Cmdlet(VerbsCommon.Add, "IpAddress", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(InterfaceAddress))]
public sealed class AddIpAddressCommand : AddressAddCmdlet
{
    /// <summary>ADDRESS/LENGTH, or ADDRESS alone for the whole address (/32, /128), as ip does.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PipedNamespaceSet)]
    [Alias("IPAddress")]
    public AddressPrefix Address { get; set; } = null!;

    /// <summary>The length when -Address has none (a row's or a piped address's PrefixLength); must agree when both do.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public byte? PrefixLength { get; set; }

    /// <summary>Left out: global, as ip gives (link for an address only this link may use, host for one only this host).</summary>
    [Parameter]
    public RouteScope? Scope { get; set; }

    protected override InterfaceAddress Requested() =>
        new InterfaceAddress(InterfaceName, Address.Address, Address.LengthWith(PrefixLength)) { Scope = Scope ?? RouteScope.Global };
}
