using System.Management.Automation;
using IpipTools.Core.Rtnl.Addresses;

namespace IpipTools.Addresses;

/// <summary>
/// The addresses of an interface with their peers, the peer form of Get-IpAddress (one
/// implementation, <see cref="AddressListCmdlet"/>); -PeerOnly keeps only point-to-point ones.
/// </summary>
[Cmdlet(VerbsCommon.Get, "TunnelPeerAddress", DefaultParameterSetName = ByPropertySet)]
[OutputType(typeof(InterfaceAddress))]
public sealed class GetTunnelPeerAddressCommand : AddressListCmdlet
{
    /// <summary>Only point-to-point addresses (those with a peer).</summary>
    [Parameter]
    public SwitchParameter PeerOnly { get; set; }

    protected override bool Keeps(InterfaceAddress address) => (!PeerOnly || address.Peer is not null) && base.Keeps(address);
}
