using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.DesiredState.Topologies;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Infrastructure;

namespace IpipTools.Addresses;

/// <summary>
/// What Add-IpAddress and Add-TunnelPeerAddress share: the interface (by property name from a
/// piped tunnel's Name, a route's Device or an address's Name), the -WhatIf/-Confirm question
/// per item, IpipTools' mark (IFA_PROTO 73) and the address as the kernel echoed it, written
/// out. A derived cmdlet says only which address its parameters describe
/// (<see cref="Requested"/>). Two kernel exchanges for IPv4: the device lookup and the
/// RTM_NEWADDR, whose echo is the address written out.
/// </summary>
public abstract class AddressAddCmdlet : PipedItemCmdlet
{
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
        var address = Requested() with { Protocol = Ownership.AddressProtocol };
        var target = Target;
        if (ShouldProcess($"interface '{address.Name}' {target.Describe()}", $"Add address {address}"))
        {
            WriteObject(Connection(target).Addresses.Add(address));
        }
    }
}
