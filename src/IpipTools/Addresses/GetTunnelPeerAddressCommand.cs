using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Infrastructure;

namespace IpipTools.Addresses;

/// <summary><c>ip addr show [dev D]</c>: the addresses of an interface (or all, or a wildcard), with their peers.</summary>
[Cmdlet(VerbsCommon.Get, "TunnelPeerAddress", DefaultParameterSetName = ByPropertySet)]
[OutputType(typeof(InterfaceAddress))]
public sealed class GetTunnelPeerAddressCommand : PipedNamespaceCmdlet
{
    /// <summary>An exact name must exist (the kernel is asked for that device only); a wildcard may match nothing.</summary>
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

    protected override void ProcessItem()
    {
        var name = NameFilter.Of(InterfaceName);
        WriteEach(Connection(Target).Addresses.List(name.ExactName)
            .Where(a => name.Matches(a.Name) && (Address is null || a.Address.Equals(Address)) && (!PeerOnly || a.Peer is not null)));
    }
}
