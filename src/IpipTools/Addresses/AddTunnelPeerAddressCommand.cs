using System.Management.Automation;
using System.Net;
using IpipTools.Core.Rtnl.Addresses;

namespace IpipTools.Addresses;

/// <summary>
/// <c>ip addr add ADDRESS peer PEER dev TUNNEL</c> (or a whole address on any interface): the
/// peer form of Add-IpAddress, one implementation (<see cref="AddressAddCmdlet"/>).
/// </summary>
[Cmdlet(VerbsCommon.Add, "TunnelPeerAddress", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(InterfaceAddress))]
public sealed class AddTunnelPeerAddressCommand : AddressAddCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("IPAddress")]
    public IPAddress Address { get; set; } = IPAddress.None;

    [Parameter]
    public IPAddress? Peer { get; set; }

    /// <summary>Left out: the whole address (/32, /128), as iproute2 does, with or without a peer.</summary>
    [Parameter]
    public byte? PrefixLength { get; set; }

    protected override InterfaceAddress Requested() => new(InterfaceName, Address, PrefixLength, Peer);
}
