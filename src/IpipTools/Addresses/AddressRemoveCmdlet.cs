using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Infrastructure;

namespace IpipTools.Addresses;

/// <summary>
/// What Remove-IpAddress and Remove-TunnelPeerAddress share: <c>ip addr del ADDRESS[/N]
/// [peer PEER] dev D</c>, with the interface, peer and prefix length by property name, so an
/// address from the Get- cmdlets binds whole, and the -WhatIf/-Confirm question per item. A
/// derived cmdlet gives the address (<see cref="Requested"/>). Parameters that bind from the
/// pipeline belong to the named sets only (see <see cref="PipedItemCmdlet.InputItem"/>):
/// one in every set would bind first and end the binding stage before -InterfaceName.
/// </summary>
public abstract class AddressRemoveCmdlet : PipedItemCmdlet
{
    /// <summary>The far end of a point-to-point address: the kernel deletes "A peer P" only when P is named.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    [IPAddressArgument]
    public IPAddress? Peer { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public byte? PrefixLength { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "TunnelName")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string InterfaceName { get; set; } = string.Empty;

    /// <summary>The address this item's parameters describe, on <see cref="InterfaceName"/>.</summary>
    protected abstract InterfaceAddress Requested();

    protected sealed override void ProcessItem()
    {
        RequireGiven(nameof(InterfaceName), "interface");
        var address = Requested();
        var target = Target;
        if (ShouldProcess($"interface '{address.Name}' {target.Describe()}", $"Remove address {address}"))
        {
            Connection(target).Addresses.Delete(address);
        }
    }
}
