using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Infrastructure;

namespace IpipTools.Routes;

/// <summary>
/// What Remove-IpRoute and Remove-OnlinkRoute share: <c>ip route del DEST [via GATEWAY]
/// [dev DEVICE] [table T]</c>, where what is not given matches anything
/// (<see cref="Route.Removal"/>). Routes from the Get- cmdlets bind whole (-InputObject),
/// prefix strings by value, rows and objects by property name; deletions are sent in batches
/// (see <see cref="RouteChangeCmdlet"/>). A derived cmdlet may narrow the match further
/// (<see cref="Narrowed"/>).
/// </summary>
public abstract class RouteRemoveCmdlet : RouteChangeCmdlet
{
    /// <summary>The set a route piped whole selects: only -InputObject (and -NetNamespace, from the route's Namespace) binds from it.</summary>
    public const string PipedRouteSet = "PipedRoute";

    /// <summary>
    /// A route as Get-IpRoute and Get-OnlinkRoute write it, piped in: exactly that route is
    /// removed (its destination, gateway, device, table, metric and type), in the namespace
    /// it was read from.
    /// <para>
    /// Binding it whole is one step for PowerShell, where binding its destination, gateway,
    /// device and table by property name costs a lookup of each name and alias on every
    /// route, about half of what removing 10,000 piped routes cost. A setting typed on the
    /// command line (-Gateway, say) leaves this set out, and routes then bind by property
    /// name as any object does.
    /// </para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipedRouteSet)]
    public Route? InputObject { get; set; }

    /// <summary>As in <see cref="PipedItemCmdlet"/>, and in <see cref="PipedRouteSet"/> as well: a piped route binds it along with -InputObject, and two parameters bound from one object must share a set.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = ByPropertySet)]
    [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = PipedNamespaceSet)]
    [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = PipedRouteSet)]
    public override PSObject? InputItem { get => base.InputItem; set => base.InputItem = value; }

    // Not shared with RouteAddCmdlet's -Gateway: a removal takes it only by name, an add at position 1.
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Via", "NextHop")]
    [BlankIsUnset]
    [IPAddressArgument]
    [UnspecifiedGatewayIsNone]
    public IPAddress? Gateway { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("Name", "Device", "TunnelName", "InterfaceAlias")]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    [BlankIsUnset]
    public string? InterfaceName { get; set; }

    protected sealed override RouteChange Change => RouteChange.Delete;

    protected sealed override ModuleObjects? PipedObjectsActedOn => ModuleObjects.Route;

    /// <summary>The removal this item's parameters describe; by default only destination, gateway, device and table narrow it.</summary>
    protected virtual Route Narrowed(Route removal) => removal;

    /// <summary>Whether this cmdlet removes onlink routes only (the onlink form), so that a piped route that is not one is refused rather than removed.</summary>
    protected virtual bool RemovesOnlinkOnly => false;

    /// <summary>Whether the route piped in (whole, deserialized or as a row) says it is onlink; null when nothing piped says.</summary>
    private bool? PipedOnLink() =>
        InputObject?.OnLink ?? (bool.TryParse(InputItem?.Properties["OnLink"]?.Value?.ToString(), out var onLink) ? onLink : null);

    protected sealed override void ProcessItem()
    {
        // Piped, a route binds -NetNamespace from its Namespace by property name; given as
        // -InputObject on the command line, it is taken from the route here.
        NetNamespace ??= InputObject?.Namespace;
        if (RemovesOnlinkOnly && PipedOnLink() == false)
        {
            throw new IpipToolsException(
                $"{MyInvocation.MyCommand.Name} removes onlink routes, as Get-OnlinkRoute lists them; the route piped in ('{InputObject?.ToString() ?? InputItem}') is not onlink, and nothing was changed.",
                "RouteNotOnLink", IpipErrorCategory.InvalidArgument, "Pipe it to Remove-IpRoute, which removes any route.", InputItem?.BaseObject);
        }

        var route = InputObject is { } piped
            ? Route.Removal(piped.Destination, piped.Gateway, piped.Device, piped.Table, piped.Metric, piped.Type)
            : Narrowed(Route.Removal(Destination, Gateway, InterfaceName, (RouteTable?)Table ?? RouteTable.Main));
        if (!RefusedBeforeAsking(route) && ShouldProcess($"route {route.Destination} {Target.Describe()}", $"Remove route {route}"))
        {
            Queue(route);
        }
    }

    protected sealed override void WriteMade(Route made)
    {
        // A deletion has nothing to write.
    }
}
