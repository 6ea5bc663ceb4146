using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Addresses;
using IpipTools.Infrastructure;

namespace IpipTools.Addresses;

/// <summary>
/// What the cmdlets that add and remove addresses share (<see cref="AddressAddCmdlet"/> and
/// <see cref="AddressRemoveCmdlet"/>): the interface, by property name from a piped tunnel's
/// Name, a route's Device or an address's Name, and the -WhatIf/-Confirm question per item
/// before the address is sent. A derived cmdlet says which address its parameters describe
/// (<see cref="Requested"/>) and what is done with it (<see cref="Send"/>).
/// </summary>
public abstract class AddressChangeCmdlet : PipedItemCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "TunnelName", "InterfaceAlias")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string InterfaceName { get; set; } = string.Empty;

    /// <summary>The address this item's parameters describe, on <see cref="InterfaceName"/>.</summary>
    protected abstract InterfaceAddress Requested();

    /// <summary>The change's verb in the -WhatIf/-Confirm question: "Add" or "Remove".</summary>
    protected abstract string Action { get; }

    /// <summary>Sends the approved change of <paramref name="address"/> and writes what it has to write.</summary>
    protected abstract void Send(RtnetlinkClient connection, InterfaceAddress address);

    protected sealed override string ItemParameter => "Address";

    /// <summary>Throws what sending <paramref name="address"/>'s change would be refused with, as far as its device's addresses tell (see <see cref="IpipCmdlet.ApprovalAsked"/>).</summary>
    protected abstract void Check(RtnetlinkClient connection, InterfaceAddress address);

    protected sealed override void ProcessItem()
    {
        RequireGiven(nameof(InterfaceName), "interface");
        var address = Requested();
        var target = Target;
        try
        {
            // Checked before -WhatIf and -Confirm speak, so that they refuse as the real run would.
            if (ApprovalAsked)
            {
                Check(Client(target), address);
            }

            if (ShouldProcess($"interface '{address.InterfaceName}' {target.Describe()}", $"{Action} address {address}"))
            {
                Send(Client(target), address);
            }
        }
        catch (Exception e) when (ErrorReport.IsReportable(e) && FailureTarget is { } item)
        {
            WriteError(ErrorRecords.From(e, item));
        }
    }
}
