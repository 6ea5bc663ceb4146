using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Commands;
using IpipTools.Core.Model;
using IpipTools.Infrastructure;

namespace IpipTools.Addresses;

/// <summary>
/// <c>ip addr add ADDRESS peer PEER dev TUNNEL</c> (or a plain <c>ADDRESS/N</c> on any
/// interface). The interface binds from a piped tunnel's Name, a route's Device or an
/// address's Name.
/// </summary>
[Cmdlet(VerbsCommon.Add, "TunnelPeerAddress", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(InterfaceAddress))]
public sealed class AddTunnelPeerAddressCommand : PipedNamespaceCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public IPAddress Address { get; set; } = IPAddress.None;

    [Parameter]
    public IPAddress? Peer { get; set; }

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
        var spec = AddressCommands.Spec(InterfaceName, Address, PrefixLength, Peer);
        if (Approve(AddressCommands.DescribeAdd(Target, spec)))
        {
            WriteObject(AddressCommands.Add(Target, spec));
        }
    }
}
