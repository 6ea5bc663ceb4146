using System.Management.Automation;
using System.Net;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Infrastructure;

namespace IpipTools.Addresses;

/// <summary>
/// What Remove-IpAddress and Remove-TunnelPeerAddress share: <c>ip addr del ADDRESS[/N]
/// [peer PEER] dev D</c>, with the interface, peer and prefix length by property name, so an
/// address from the Get- cmdlets binds whole (the interface and the -WhatIf/-Confirm question
/// per item are <see cref="AddressChangeCmdlet"/>'s). A derived cmdlet gives the address
/// (<see cref="AddressChangeCmdlet.Requested"/>). Parameters that bind from the
/// pipeline belong to the named sets only (see <see cref="PipedItemCmdlet.InputItem"/>):
/// one in every set would bind first and end the binding stage before -InterfaceName.
/// </summary>
public abstract class AddressRemoveCmdlet : AddressChangeCmdlet
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

    protected sealed override string Action => "Remove";

    protected sealed override ModuleObjects? PipedObjectsActedOn => ModuleObjects.Address;

    protected sealed override void Check(RtnetlinkClient connection, InterfaceAddress address) => connection.Addresses.CheckDelete(address);

    protected sealed override void Send(RtnetlinkClient connection, InterfaceAddress address) =>
        connection.Addresses.Delete(address);
}
