using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Commands;
using IpipTools.Core.Model;
using IpipTools.Infrastructure;

namespace IpipTools.Addresses;

/// <summary><c>ip addr show [dev D]</c>: the addresses of an interface (or all), with their peers.</summary>
[Cmdlet(VerbsCommon.Get, "TunnelPeerAddress", DefaultParameterSetName = ByPropertySet)]
[OutputType(typeof(InterfaceAddress))]
public sealed class GetTunnelPeerAddressCommand : PipedNamespaceCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "TunnelName")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string? InterfaceName { get; set; }

    [Parameter]
    public IPAddress? Address { get; set; }

    /// <summary>Only point-to-point addresses (those with a peer).</summary>
    [Parameter]
    public SwitchParameter PeerOnly { get; set; }

    protected override void ProcessItem() => WriteEach(AddressCommands.Get(Target, InterfaceName, Address, PeerOnly.IsPresent));
}
