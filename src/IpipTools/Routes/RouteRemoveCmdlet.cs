using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Infrastructure;

namespace IpipTools.Routes;

/// <summary>
/// What Remove-IpRoute and Remove-OnlinkRoute share: <c>ip route del DEST [via GATEWAY]
/// [dev DEVICE] [table T]</c>, where what is not given matches anything
/// (<see cref="Route.Removal"/>). Routes from the Get- cmdlets bind whole, prefix strings by
/// value, rows and objects by property name; deletions are sent in batches
/// (see <see cref="RouteChangeCmdlet"/>). A derived cmdlet may narrow the match further
/// (<see cref="Narrowed"/>).
/// </summary>
public abstract class RouteRemoveCmdlet : RouteChangeCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Via")]
    [BlankIsUnset]
    public IPAddress? Gateway { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "TunnelName")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    [BlankIsUnset]
    public string? InterfaceName { get; set; }

    /// <summary>A table number, or main, local, default by name; main when left out.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    [RouteTableName]
    [ArgumentCompleter(typeof(RouteTableCompleter))]
    public uint? Table { get; set; }

    protected sealed override RouteChange Change => RouteChange.Delete;

    /// <summary>The removal this item's parameters describe; by default only destination, gateway, device and table narrow it.</summary>
    protected virtual Route Narrowed(Route removal) => removal;

    protected sealed override void ProcessItem()
    {
        var route = Narrowed(Route.Removal(Destination, Gateway, InterfaceName, (RouteTable?)Table ?? RouteTable.Main));
        if (ShouldProcess($"route {route.Destination} {Target.Describe()}", $"Remove route {route}"))
        {
            Queue(route);
        }
    }

    protected sealed override void WriteMade(Route made)
    {
        // A deletion has nothing to write.
    }
}
