using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;

namespace IpipTools.Namespaces;

/// <summary><c>ip netns delete NAME</c>: removes the name; the namespace goes when nothing holds it.</summary>
[Cmdlet(VerbsCommon.Remove, "NetNamespace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveNetNamespaceCommand : IpipCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("NetNamespace")]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string Name { get; set; } = string.Empty;

    /// <summary>The piped object as it came: a link's or a fixture's Name is no namespace's (<see cref="PipedObjectGuard"/>).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputItem { get; set; }

    protected override PSObject? PipedObject => InputItem;

    protected override ModuleObjects? PipedObjectsActedOn => ModuleObjects.Namespace;

    protected override void ProcessItem()
    {
        // A bad name is refused before the prompt, as New-NetNamespace does.
        NetNamespace.ValidateName(Name);
        if (ShouldProcess($"network namespace '{Name}'", "Remove network namespace (links inside it go when the last process leaves)"))
        {
            NetNamespaceStore.Delete(Name);
        }
    }
}
