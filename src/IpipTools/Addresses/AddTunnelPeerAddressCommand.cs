using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Infrastructure;

namespace IpipTools.Addresses;

/// <summary>
/// <c>ip addr add ADDRESS peer PEER dev TUNNEL</c> (or a plain <c>ADDRESS/N</c> on any
/// interface). The interface binds from a piped tunnel's Name, a route's Device or an
/// address's Name. Two kernel exchanges for IPv4: the device lookup and the RTM_NEWADDR,
/// whose echo is the address written out.
/// </summary>
[Cmdlet(VerbsCommon.Add, "TunnelPeerAddress", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(InterfaceAddress))]
public sealed class AddTunnelPeerAddressCommand : PipedNamespaceCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public IPAddress Address { get; set; } = IPAddress.None;

    [Parameter]
    public IPAddress? Peer { get; set; }

    /// <summary>Left out: the whole address (/32, /128), as iproute2 does, with or without a peer.</summary>
    [Parameter]
    public byte? PrefixLength { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "TunnelName")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string InterfaceName { get; set; } = string.Empty;

    protected override void ProcessItem()
    {
        RequireGiven(nameof(InterfaceName), "interface");
        // With IpipTools' mark (IFA_PROTO 73), like everything IpipTools creates.
        var address = new InterfaceAddress(InterfaceName, Address, PrefixLength, Peer) { Protocol = AddressProtocol.IpipTools };
        var target = Target;
        if (ShouldProcess($"interface '{address.Name}' {target.Describe()}", $"Add address {address}"))
        {
            WriteObject(Connection(target).Addresses.Add(address));
        }
    }
}
