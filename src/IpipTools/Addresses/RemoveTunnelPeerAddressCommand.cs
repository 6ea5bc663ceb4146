using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Infrastructure;

namespace IpipTools.Addresses;

/// <summary><c>ip addr del ADDRESS [peer PEER] dev D</c>; addresses from Get-TunnelPeerAddress bind whole.</summary>
[Cmdlet(VerbsCommon.Remove, "TunnelPeerAddress", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveTunnelPeerAddressCommand : PipedNamespaceCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public IPAddress Address { get; set; } = IPAddress.None;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public IPAddress? Peer { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public byte? PrefixLength { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "TunnelName")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string InterfaceName { get; set; } = string.Empty;

    protected override void ProcessItem()
    {
        RequireGiven(nameof(InterfaceName), "interface");
        var address = new InterfaceAddress(InterfaceName, Address, PrefixLength, Peer);
        var target = Target;
        if (ShouldProcess($"interface '{address.Name}' {target.Describe()}", $"Remove address {address}"))
        {
            Connection(target).Addresses.Delete(address);
        }
    }
}
