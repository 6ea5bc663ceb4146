using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Routes;
using IpipTools.Infrastructure;

namespace IpipTools.Routes;

/// <summary>
/// A route cmdlet that changes routes (the add and remove cmdlets, <see cref="RouteAddCmdlet"/> and
/// <see cref="RouteRemoveCmdlet"/>) at pipeline scale: each approved item is queued in its
/// namespace's <see cref="RouteBatch"/> and answered on its own (see
/// <see cref="PipelineBatches{TOutcome}"/>). -WhatIf and -Confirm ask item by item, before
/// anything is queued.
/// </summary>
public abstract class RouteChangeCmdlet : PipedItemCmdlet
{
    /// <summary>
    /// The route's prefix: strings by value, rows, objects and routes by property name (every
    /// add and remove cmdlet has it). A removal completes it with the routes there are.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PipedNamespaceSet)]
    [Alias("DestinationPrefix")]
    [StrictPrefix]
    [ArgumentCompleter(typeof(RouteDestinationCompleter))]
    public IPNetwork Destination { get; set; }

    /// <summary>
    /// A table number, or main, local, default (253) by name; main when left out. An add
    /// refuses the tables it cannot manage (see <see cref="RouteAddCmdlet"/>).
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(ParameterSetName = PipedNamespaceSet)]
    [BlankIsUnset]
    [RouteTableName]
    [ArgumentCompleter(typeof(RouteTableCompleter))]
    public uint? Table { get; set; }

    private PipelineBatches<RouteOutcome>? _batches;

    protected abstract RouteChange Change { get; }

    protected sealed override string ItemParameter => nameof(Destination);

    /// <summary>
    /// Queues <paramref name="route"/> for this item's namespace. A route that cannot be sent
    /// (invalid, or its device does not exist) is reported here, as its item's error.
    /// </summary>
    protected void Queue(Route route)
    {
        var target = Target;
        _batches ??= EndsWithPipeline(new PipelineBatches<RouteOutcome>(this, made => WriteMade((Route)made)));
        _batches.Queue(target, () => Client(target).Routes.CreateBatch(Change), batch => batch.Queue(route), FailureTarget);
    }

    /// <summary>
    /// Whether <paramref name="route"/> is refused before -WhatIf or -Confirm speaks, as its
    /// batch would refuse it (see <see cref="IpipCmdlet.ApprovalAsked"/>), its error written
    /// as the batch writes it. Without them nothing is checked: the batch learns it from the kernel.
    /// </summary>
    protected bool RefusedBeforeAsking(Route route)
    {
        if (!ApprovalAsked)
        {
            return false;
        }

        var target = Target;
        if (!_checks.TryGetValue(target, out var check))
        {
            check = Client(target).Routes.CreateCheck(Change);
            _checks[target] = check;
        }

        try
        {
            check.Check(route);
            return false;
        }
        catch (Exception e) when (ErrorReport.IsReportable(e))
        {
            WriteError(FailureTarget is { } item ? ErrorRecords.From(e, item) : ErrorRecords.From(e));
            return true;
        }
    }

    /// <summary>Each namespace's routes as this pipeline's checks have read and changed them.</summary>
    private readonly Dictionary<NetNamespace, RouteChangeCheck> _checks = new();

    protected override void EndProcessing() => _batches?.SendAll();

    /// <summary>Writes the route the kernel made for an add (a removal writes nothing).</summary>
    protected abstract void WriteMade(Route made);
}
