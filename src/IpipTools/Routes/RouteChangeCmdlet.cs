using System.Management.Automation;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Infrastructure;

namespace IpipTools.Routes;

/// <summary>
/// A route cmdlet that changes routes (Add-OnlinkRoute, Remove-OnlinkRoute) at pipeline scale:
/// each approved item is queued in its namespace's <see cref="RouteBatch"/> and answered on
/// its own (see <see cref="PipelineBatches{TOutcome}"/>). -WhatIf and -Confirm ask item by
/// item, before anything is queued.
/// </summary>
public abstract class RouteChangeCmdlet : PipedNamespaceCmdlet
{
    private PipelineBatches<RouteOutcome>? _batches;
    private bool _destinationTyped;

    /// <summary>
    /// The piped object as it came, whatever else it binds to: what a failed item's ErrorRecord
    /// names as its TargetObject (a string, a CSV row, a route). Only pipeline input binds it.
    /// <para>
    /// Like every parameter here that takes pipeline input, it belongs to the named sets only,
    /// not to all: PowerShell first tries, in each binding stage, the parameters of the default
    /// set (<see cref="PipedNamespaceCmdlet.PipelineChoosesSet"/>), and stops at the first
    /// that binds. A pipeline parameter in every set would bind there and keep a piped
    /// namespace object from selecting <see cref="PipedNamespaceCmdlet.PipedNamespaceSet"/>,
    /// so its Name would bind -InterfaceName again.
    /// </para>
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = ByPropertySet)]
    [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = PipedNamespaceSet)]
    public PSObject? InputItem { get; set; }

    protected abstract RouteChange Change { get; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _destinationTyped = MyInvocation.BoundParameters.ContainsKey("Destination");
    }

    /// <summary>
    /// Queues <paramref name="route"/> for this item's namespace. A route that cannot be sent
    /// (invalid, or its device does not exist) is reported here, as its item's error.
    /// </summary>
    protected void Queue(Route route)
    {
        var target = Target;
        _batches ??= new PipelineBatches<RouteOutcome>(this, made => WriteMade((Route)made));
        _batches.Queue(target, () => Connection(target).Routes.CreateBatch(Change), batch => batch.Queue(route), CurrentItem);
    }

    /// <summary>What one of this item's failures names as its target: the piped item, or (typed on the command line) what the core names.</summary>
    private object? CurrentItem => _destinationTyped ? null : InputItem;

    protected override void EndProcessing() => _batches?.SendAll();

    /// <summary>Writes the route the kernel made for an add (Remove-OnlinkRoute writes nothing).</summary>
    protected abstract void WriteMade(Route made);
}
