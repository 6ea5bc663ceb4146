using System.Management.Automation;
using System.Net;
using IpipTools.Core.Xfrm;
using IpipTools.Infrastructure;

namespace IpipTools.Ipsec;

/// <summary>
/// What Set-XfrmState and Remove-XfrmState share: the state they act on, piped (as
/// Get-XfrmState writes it, a deserialized copy, or a row with Destination and Spi) or named
/// on the command line by destination, SPI, protocol and mark, which is how the kernel finds
/// one. Piped, the state's Namespace binds -NetNamespace, so a pipeline stays in its namespace.
/// </summary>
public abstract class XfrmStateIdentityCmdlet : XfrmCmdlet
{
    protected const string PipedSet = "Piped";
    protected const string ByIdentitySet = "ByIdentity";

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipedSet)]
    public PSObject? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdentitySet)]
    [IPAddressArgument]
    public IPAddress? Destination { get; set; }

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdentitySet)]
    public uint Spi { get; set; }

    [Parameter(ParameterSetName = ByIdentitySet)]
    public XfrmProtocol Protocol { get; set; } = XfrmProtocol.Esp;

    [Parameter(ParameterSetName = ByIdentitySet)]
    public uint? Mark { get; set; }

    [Parameter(ParameterSetName = ByIdentitySet)]
    public uint? MarkMask { get; set; }

    protected sealed override ModuleObjects? PipedObjectsActedOn => ModuleObjects.XfrmState;

    protected sealed override PSObject? PipedObject => InputObject;

    /// <summary>The state this item names (only its identity counts).</summary>
    protected XfrmState Identity => InputObject is { } piped
        ? XfrmPipedObjects.State(piped, MyInvocation.MyCommand.Name)
        : new XfrmState(IPAddress.Any, Destination!, Spi) { Protocol = Protocol, Mark = Mark, MarkMask = Mark is null ? null : MarkMask ?? uint.MaxValue };
}
