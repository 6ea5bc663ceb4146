using System.Management.Automation;
using IpipTools.Infrastructure;

namespace IpipTools.Links;

/// <summary>
/// A cmdlet whose -Name takes a link's name from the pipeline both by value (names:
/// <c>'va', 'vb' | Set-NetLink -Up</c>) and by property name (links: <c>Get-NetLink v* | Set-NetLink -Master br0</c>).
/// <para>
/// A string parameter that takes both does not work alone for a link read in a named
/// namespace: in the stage that binds by property name, PowerShell tries the default set's
/// parameters first and stops at the first that binds, which is -NetNamespace (from the
/// link's Namespace), so -Name is left for the next stage, by value with coercion, and gets
/// the link's text (its ToString) instead of its Name. The piped object itself is therefore
/// kept (<see cref="InputItem"/>, as the route cmdlets keep theirs), and <see cref="LinkName"/>
/// takes a piped object's Name property when it is not a plain name.
/// </para>
/// </summary>
public abstract class PipedLinkCmdlet : PipedNamespaceCmdlet
{
    private bool _nameTyped;

    /// <summary>
    /// The piped object as it came. Only pipeline input binds it; like every pipeline
    /// parameter here it belongs to the named sets only (see RouteChangeCmdlet's InputItem).
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = ByPropertySet)]
    [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = PipedNamespaceSet)]
    public PSObject? InputItem { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _nameTyped = MyInvocation.BoundParameters.ContainsKey("Name");
    }

    /// <summary>The link this item names: <paramref name="name"/> as bound, unless it is a piped object's text rather than its Name.</summary>
    protected string LinkName(string name) =>
        !_nameTyped && PipedNamespace is null && InputItem is { BaseObject: not string } item && item.Properties["Name"]?.Value is string piped
            ? piped
            : name;
}
