using System.Management.Automation;
using IpipTools.Core.Errors;
using NetNs = IpipTools.Core.Namespaces.NetNamespace;

namespace IpipTools.Infrastructure;

/// <summary>
/// A namespaced cmdlet with another parameter that binds by property name from a property a
/// namespace object has too: a link, tunnel or veth name (-InterfaceName, alias Name; -Name)
/// or a topology file (-Path). Get-NetNamespace writes objects with Name and Path, so
/// <c>Get-NetNamespace lab | Get-OnlinkRoute</c> used to bind -InterfaceName 'lab' as well as
/// -NetNamespace 'lab'.
/// <para>
/// PowerShell binds a piped object by value (without conversion) before it binds anything by
/// property name, and a parameter bound so selects its parameter set. A namespace object
/// therefore binds -PipedNamespace first, which selects <see cref="PipedNamespaceSet"/>, where
/// the derived cmdlet's name or path parameter does not take pipeline input; its Namespace
/// property then binds -NetNamespace as any object's does. Every other object (a link, a
/// tunnel, a route, a file) binds no -PipedNamespace and so binds by property name as before,
/// in <see cref="ByPropertySet"/> (the topology cmdlets: their Path and Data sets). The names
/// typed on the command line, aliases included, are unchanged.
/// </para>
/// </summary>
public abstract class PipedNamespaceCmdlet : NamespacedCmdlet
{
    /// <summary>The set a piped namespace object selects; the name or path parameter does not bind from the pipeline in it.</summary>
    public const string PipedNamespaceSet = "PipedNamespace";

    /// <summary>The set where the name or path parameter binds by property name (the default of a cmdlet where that parameter is optional).</summary>
    public const string ByPropertySet = "ByProperty";

    /// <summary>
    /// The default parameter set of a cmdlet whose sets each have a mandatory parameter that can
    /// come from the pipeline (a required name: -PipedNamespace in one set, the name by property
    /// name in the other), deliberately one no parameter belongs to. With a real set as the
    /// default, PowerShell settles on it before the first piped object arrives, and a piped
    /// namespace object would bind its Name after all. With no set to fall back on, the piped
    /// object itself chooses. The price: a required name left out with nothing piped is not
    /// prompted for; <see cref="RequireGiven(string, string)"/> refuses it instead.
    /// </summary>
    public const string PipelineChoosesSet = "PipelineChooses";

    /// <summary>
    /// Only ever bound by a namespace object piped in (see the class); hidden from tab
    /// completion. The namespace the cmdlet works in is still -NetNamespace.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipedNamespaceSet, DontShow = true)]
    [NamespaceObjectOnly]
    public NetNs? PipedNamespace { get; set; }

    /// <summary>
    /// Refuses an invocation without the name the cmdlet needs (<paramref name="parameter"/>,
    /// naming a <paramref name="what"/>): a namespace object piped in without it, or nothing at
    /// all. The parameter is optional to PowerShell in <see cref="PipedNamespaceSet"/> (were it
    /// mandatory there, PowerShell would drop the set before the first object arrives, since no
    /// pipeline input could supply it, and bind the namespace's Name to it after all), and
    /// <see cref="PipelineChoosesSet"/> has no mandatory parameter.
    /// </summary>
    protected void RequireGiven(string parameter, string what)
    {
        if (MyInvocation.BoundParameters.ContainsKey(parameter))
        {
            return;
        }

        var message = PipedNamespace is null
            ? $"-{parameter} was not given: it names the {what}."
            : $"A namespace object was piped in without -{parameter}: it names the namespace, not the {what}.";
        throw new IpipToolsException(
            message, "NameNotGiven", IpipErrorCategory.InvalidArgument,
            $"Give -{parameter}, or pipe the {what} itself (as the Get- cmdlets write it); a piped namespace binds -{NamespaceParameter} only.",
            PipedNamespace);
    }
}
