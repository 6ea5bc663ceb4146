using System.Management.Automation;
using System.Net;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Infrastructure;

namespace IpipTools.Addresses;

/// <summary>
/// <c>ip addr del ADDRESS [peer PEER] dev D</c>, the peer form of Remove-IpAddress (one
/// implementation, <see cref="AddressRemoveCmdlet"/>); addresses from Get-TunnelPeerAddress bind whole.
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

    protected override InterfaceAddress Requested() => new(InterfaceName, Address, PrefixLength, Peer);
}
