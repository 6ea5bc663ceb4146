using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;

namespace IpipTools.Namespaces;

/// <summary>
/// <c>ip netns delete NAME</c>: removes the name; the namespace goes when nothing holds it.
/// Names match as Get-NetNamespace's do: a wildcard removes each namespace it matches (none is
/// no error), an exact name must exist. Either is checked before anything is asked or said,
/// so -WhatIf names exactly the namespaces the real run removes, or fails as it would.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "NetNamespace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveNetNamespaceCommand : IpipCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("NetNamespace")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string Name { get; set; } = string.Empty;

    /// <summary>The piped object as it came: a link's or a fixture's Name is no namespace's (<see cref="PipedObjectGuard"/>).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputItem { get; set; }

    protected override PSObject? PipedObject => InputItem;

    protected override ModuleObjects? PipedObjectsActedOn => ModuleObjects.Namespace;

    protected override void ProcessItem()
    {
        foreach (var name in NamesToRemove(NameFilter.Of(Name)))
        {
            if (ShouldProcess($"network namespace '{name}'", "Remove network namespace (links inside it go when the last process leaves)"))
            {
                NetNamespaceStore.Delete(name);
            }
        }
    }

    private static string[] NamesToRemove(NameFilter filter)
    {
        if (filter.ExactName is not string exact)
        {
            return NetNamespaceStore.List().Select(n => n.Name!).Where(filter.Matches).ToArray();
        }

        // A bad name is refused before the prompt, as New-NetNamespace does.
        NetNamespace.ValidateName(exact);
        return new[] { NetNamespaceStore.MustExistToRemove(exact).Name! };
    }
}
