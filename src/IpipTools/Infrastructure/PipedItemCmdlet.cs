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
}
