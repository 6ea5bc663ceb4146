using System.Management.Automation;
using System.Net;
using IpipTools.Core.Rtnl.Addresses;

namespace IpipTools.Addresses;

/// <summary>
/// <c>ip addr del ADDRESS [peer PEER] dev D</c>, the peer form of Remove-IpAddress (one
/// implementation, <see cref="AddressRemoveCmdlet"/>); addresses from Get-TunnelPeerAddress bind whole.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "TunnelPeerAddress", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveTunnelPeerAddressCommand : AddressRemoveCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public IPAddress Address { get; set; } = IPAddress.None;

    protected override InterfaceAddress Requested() => new(InterfaceName, Address, PrefixLength, Peer);
}
