using System.Management.Automation;

namespace IpipTools.Infrastructure;

/// <summary>
/// A <see cref="PipedNamespaceCmdlet"/> whose items come down the pipeline as strings, rows or
/// objects (routes, addresses), each binding its parameters by value or by property name.
/// </summary>
public abstract class PipedItemCmdlet : PipedNamespaceCmdlet
{
    /// <summary>
    /// The piped object as it came, whatever else it binds to: what a failed item's ErrorRecord
    /// names as its TargetObject (a string, a CSV row, a route). Only pipeline input binds it.
    /// <para>
    /// Binding it (by value, with no conversion, whatever the object) is also what selects a
    /// named set for an object no other parameter takes by value, such as a CSV row or an
    /// address piped where a string is expected. Like every parameter here that takes pipeline
    /// input, it belongs to the named sets only, not to all: PowerShell first tries, in each
    /// binding stage, the parameters of the default set
    /// (<see cref="PipedNamespaceCmdlet.PipelineChoosesSet"/>), and stops at the first that
    /// binds. A pipeline parameter in every set would bind there and keep a piped namespace
    /// object from selecting <see cref="PipedNamespaceCmdlet.PipedNamespaceSet"/>, so its Name
    /// would bind -InterfaceName again; and -NetNamespace, in every set, would end the
    /// by-property-name stage before -InterfaceName were tried.
    /// </para>
    /// <para>
    /// Virtual so that a cmdlet with a set of its own for whole objects piped by value (the
    /// route removal cmdlets' <see cref="Routes.RouteRemoveCmdlet.PipedRouteSet"/>) can put it
    /// in that set too: PowerShell reads a parameter's attributes from its most derived
    /// declaration only, so the override repeats these.
    /// </para>
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = ByPropertySet)]
    [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = PipedNamespaceSet)]
    public virtual PSObject? InputItem { get; set; }

    /// <summary>The parameter that names the item (-Destination, -Address).</summary>
    protected abstract string ItemParameter { get; }

    /// <summary>Whether <see cref="ItemParameter"/> was typed on the command line (read before any pipeline input binds).</summary>
    private bool _itemTyped;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _itemTyped = MyInvocation.BoundParameters.ContainsKey(ItemParameter);
    }

    /// <summary>
    /// What a failure of this item names as its TargetObject: the piped item as it came (a
    /// string, a CSV row, an object), so that it points at the row to mend; null when the
    /// item was typed on the command line, where the core's own target says more.
    /// </summary>
    protected object? FailureTarget => _itemTyped ? null : InputItem;
}
