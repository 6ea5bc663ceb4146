using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Rtnl.Addresses;

namespace IpipTools.Addresses;

/// <summary>
/// <c>ip addr del ADDRESS[/N] dev D</c>: a plain address, IPv4 or IPv6, given as ip takes it
/// (10.10.10.2/24), piped as strings, or piped whole from Get-IpAddress (a peer address too:
/// its Peer binds). Remove-TunnelPeerAddress is its peer form (<see cref="AddressRemoveCmdlet"/>).
/// </summary>
[Cmdlet(VerbsCommon.Remove, "IpAddress", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveIpAddressCommand : AddressRemoveCmdlet
{
    /// <summary>ADDRESS/LENGTH, or ADDRESS alone with -PrefixLength (or for the whole address).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PipedNamespaceSet)]
    [ArgumentCompleter(typeof(InterfaceAddressCompleter))]
    [Alias("IPAddress")]
    public AddressPrefix Address { get; set; } = null!;

    protected override InterfaceAddress Requested() => new(InterfaceName, Address.Address, Address.LengthWith(PrefixLength), Peer);
}
