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
    public virtual PSObject? InputItem
    {
        get => _inputItem;
        set
        {
            // An object of a kind this cmdlet does not act on is kept aside and left unbound
            // (PowerShell counts a parameter whose setter throws as not bound by that object), so
            // that it does not take part in choosing the parameter set: bound, it would leave the
            // set ambiguous or a mandatory parameter missing, and PowerShell would refuse it with
            // its own words before the guard could name the object and the cmdlet that fits it.
            _refusedItem = value is not null && PipedObjectsActedOn is { } actsOn && !PipedObjectGuard.Accepts(value, actsOn | ModuleObjects.Namespace | ModuleObjects.Fixture) ? value : null;
            if (_refusedItem is not null)
            {
                throw new PSArgumentException("not an object this cmdlet acts on", nameof(InputItem));
            }

            _inputItem = value;
        }
    }

    private PSObject? _inputItem;

    /// <summary>The object piped in for this item that <see cref="InputItem"/> refused to bind (see its setter); the guard refuses it before the item is processed.</summary>
    private PSObject? _refusedItem;

    /// <summary>The parameter that names the item (-Destination, -Address).</summary>
    protected abstract string ItemParameter { get; }

    /// <summary>Whether <see cref="ItemParameter"/> was typed on the command line (read before any pipeline input binds).</summary>
    protected bool ItemTyped { get; private set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        ItemTyped = MyInvocation.BoundParameters.ContainsKey(ItemParameter);
    }

    /// <summary>
    /// The piped object the guard checks. A namespace object, or a fixture (whose Namespace
    /// names one), binds -NetNamespace only, and <see cref="PipedNamespaceCmdlet.RequireGiven"/>
    /// answers for it when the name is missing.
    /// </summary>
    protected sealed override PSObject? PipedObject => _refusedItem ?? (NamesANamespace(InputItem) ? null : InputItem);

    private static bool NamesANamespace(PSObject? item) => item?.BaseObject is Core.Fixtures.NetworkFixture or Core.Namespaces.NetNamespace;

    /// <summary>
    /// What a failure of this item names as its TargetObject: the piped item as it came (a
    /// string, a CSV row, an object), so that it points at the row to mend; null when the
    /// item was typed on the command line, where the core's own target says more.
    /// </summary>
    protected object? FailureTarget => ItemTyped ? null : InputItem;
}
