using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Rtnl.BridgeFdb;
using IpipTools.Infrastructure;

namespace IpipTools.BridgeFdb;

/// <summary>
/// <c>bridge fdb show [dev D] [br B]</c>: the forwarding database entries of bridges, their
/// ports and vxlan devices, narrowed by device, bridge and MAC address.
/// </summary>
[Cmdlet(VerbsCommon.Get, "BridgeFdbEntry", DefaultParameterSetName = ByPropertySet)]
[OutputType(typeof(BridgeFdbEntry))]
public sealed class GetBridgeFdbEntryCommand : PipedNamespaceCmdlet
{
    /// <summary>Only entries of this device (a wildcard matches names).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string? InterfaceName { get; set; }

    /// <summary>Only entries of ports of this bridge (<c>br</c>).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(BridgeNameCompleter))]
    public string? Bridge { get; set; }

    [Parameter]
    public string? MacAddress { get; set; }

    protected override void ProcessItem()
    {
        var name = NameFilter.Of(InterfaceName);
        var connection = Client(Target);
        if (name.ExactName is { } exact)
        {
            connection.Links.IndexOf(exact); // an exact name must exist: LinkNotFound otherwise
        }

        WriteEach(connection.BridgeFdb.List().Where(e =>
            name.Matches(e.Device) && (Bridge is null || e.Bridge == Bridge || (e.Device == Bridge && e.Self))
            && (MacAddress is null || string.Equals(e.MacAddress, MacAddress, StringComparison.OrdinalIgnoreCase))).ToList());
    }
}
