using IpipTools.Infrastructure;

namespace IpipTools.Links;

/// <summary>
/// A cmdlet that acts on a link named by -Name: typed, piped as a name (<c>'va', 'vb' | Set-NetLink -Up</c>),
/// or piped as the link or tunnel the Get- cmdlets write (<c>Get-NetLink v* | Set-NetLink -Master br0</c>).
/// <para>
/// A string parameter that takes both does not work alone for a link read in a named
/// namespace: in the stage that binds by property name, PowerShell tries the default set's
/// parameters first and stops at the first that binds, which is -NetNamespace (from the
/// link's Namespace), so -Name is left for the next stage, by value with coercion, and gets
/// the link's text (its ToString) instead of its Name. The piped object itself is therefore
/// kept (<see cref="PipedItemCmdlet.InputItem"/>), and <see cref="LinkName"/> takes a piped
/// object's Name property when it is not a plain name.
/// </para>
/// </summary>
public abstract class PipedLinkCmdlet : PipedItemCmdlet
{
    protected sealed override string ItemParameter => "Name";

    /// <summary>Links and tunnels (a tunnel is a link); a derived cmdlet checks the link's kind itself.</summary>
    protected override ModuleObjects? PipedObjectsActedOn => ModuleObjects.Link | ModuleObjects.Tunnel;

    /// <summary>The link this item names: <paramref name="name"/> as bound, unless it is a piped object's text rather than its Name.</summary>
    protected string LinkName(string name) =>
        !ItemTyped && PipedNamespace is null && InputItem is { BaseObject: not string } item && item.Properties["Name"]?.Value is string piped
            ? piped
            : name;
}
