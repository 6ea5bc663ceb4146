using System.Management.Automation;
using System.Net;
using IpipTools.Core.DesiredState.Topologies;
using IpipTools.Core.Errors;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Infrastructure;

namespace IpipTools.Routes;

/// <summary>
/// What Add-IpRoute and Add-OnlinkRoute share: the destination from the pipeline (prefix
/// strings by value; rows, objects and routes by property name), gateway, metric, table, MTU
/// and -Replace, the -WhatIf/-Confirm question per item and the batching of
/// <see cref="RouteChangeCmdlet"/>. A derived cmdlet says only which route its parameters
/// describe (<see cref="Requested"/>): the device is its own, since Add-OnlinkRoute requires
/// one and Add-IpRoute does not. Every route carries IpipTools' mark unless told otherwise.
/// </summary>
public abstract class RouteAddCmdlet : RouteChangeCmdlet
{
    // Not shared with RouteRemoveCmdlet's -Gateway: an add takes it at position 1, a removal only by name.
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 1, ParameterSetName = PipedNamespaceSet)]
    [Alias("Via", "NextHop")]
    [BlankIsUnset]
    [IPAddressArgument]
    [UnspecifiedGatewayIsNone]
    public IPAddress? Gateway { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [Alias("RouteMetric")]
    [BlankIsUnset]
    public uint? Metric { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    public int? Mtu { get; set; }

    /// <summary>Replace a route with the same destination instead of failing (ip route replace).</summary>
    [Parameter]
    public SwitchParameter Replace { get; set; }

    protected sealed override RouteChange Change => Replace.IsPresent ? RouteChange.Replace : RouteChange.Add;

    /// <summary>The route this item's parameters describe; <see cref="Common"/> fills in what every add has.</summary>
    protected abstract Route Requested();

    /// <summary>A route to <see cref="Destination"/> with the shared parameters applied.</summary>
    protected Route Common() => new(Destination)
    {
        Gateway = Gateway,
        Metric = Metric ?? 0,
        Table = ManageableTable(),
        Mtu = Mtu,
        Protocol = Ownership.Protocol,
    };

    protected sealed override void ProcessItem()
    {
        var route = Requested();
        if (!RefusedBeforeAsking(route) && ShouldProcess($"route {Destination} {Target.Describe()}", $"{(Replace.IsPresent ? "Replace" : "Add")} route {route}"))
        {
            Queue(route);
        }
    }

    protected sealed override void WriteMade(Route made) => WriteObject(made);

    /// <summary>-Table, refused where the topology reader refuses it too (see <see cref="ManageableRouteTables"/>).</summary>
    private RouteTable ManageableTable()
    {
        var table = (RouteTable?)Table ?? RouteTable.Main;
        return ManageableRouteTables.WhyNot(table) is string reason
            ? throw new IpipToolsException($"Cannot add the route to {Destination} to table {(uint)table}: {reason}.", "UnmanageableRouteTable",
                IpipErrorCategory.InvalidArgument, "Leave -Table out for the main table (254), or give another table number, from 1 to 4294967295 except 255.", (uint)table)
            : table;
    }
}
