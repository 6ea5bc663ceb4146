using System.Management.Automation;
using System.Net;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Infrastructure;

namespace IpipTools.Addresses;

/// <summary>
/// <c>ip addr del ADDRESS [peer PEER] dev D</c>, the peer form of Remove-IpAddress (one
/// implementation, <see cref="AddressRemoveCmdlet"/>); addresses from Get-TunnelPeerAddress bind whole.
/// An address piped in must be a point-to-point one: Get-TunnelPeerAddress without -PeerOnly
/// lists every address (loopback's too), and under this name a pipeline of them must not
/// remove what has no peer; such an address is refused, with Remove-IpAddress named.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "TunnelPeerAddress", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveTunnelPeerAddressCommand : AddressRemoveCmdlet
{
    /// <summary>As Remove-IpAddress's: by value and by property name, in the named sets only (see <see cref="Infrastructure.PipedItemCmdlet.InputItem"/>).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PipedNamespaceSet)]
    [IPAddressArgument]
    [Alias("IPAddress")]
    public IPAddress Address { get; set; } = IPAddress.None;

    protected override InterfaceAddress Requested()
    {
        var address = new InterfaceAddress(InterfaceName, Address, PrefixLength, Peer);
        if (Peer is null && !ItemTyped && InputItem is { BaseObject: not string })
        {
            throw new IpipToolsException(
                $"Remove-TunnelPeerAddress removes point-to-point addresses (with a peer), as Get-TunnelPeerAddress -PeerOnly lists them; the address piped in ({address} on '{InterfaceName}') has no peer, and nothing was changed.",
                "AddressHasNoPeer", IpipErrorCategory.InvalidArgument, "Pipe it to Remove-IpAddress, which removes any address.", InputItem.BaseObject);
        }

        return address;
    }
}
