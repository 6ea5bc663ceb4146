using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;

namespace IpipTools.Links;

/// <summary><c>ip link del NAME</c> for a veth: the kernel removes its peer too, wherever it is.</summary>
[Cmdlet(VerbsCommon.Remove, "VethPair", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveVethPairCommand : PipedLinkCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [ArgumentCompleter(typeof(VethNameCompleter))]
    public string Name { get; set; } = string.Empty;

    /// <summary>A veth is a link; a tunnel piped in is not one.</summary>
    protected override ModuleObjects? PipedObjectsActedOn => ModuleObjects.Link;

    protected override void ProcessItem()
    {
        RequireGiven(nameof(Name), "veth pair");
        var name = LinkName(Name);
        var target = Target;
        var links = Client(target).Links;
        if (_removedPeers.WentWithPeer(target, name, links))
        {
            WriteVerbose($"Veth '{name}' {target.Describe()} went with its peer.");
            return;
        }

        // Read before -WhatIf speaks (the removal needs it anyway): a missing link, or one that is no veth, is refused as the real run refuses it.
        var veth = links.Get(name).RequireKind(GetVethPairCommand.VethKind);
        if (ShouldProcess($"veth '{name}' {target.Describe()}", "Remove veth pair (both ends)"))
        {
            _removedPeers.Delete(links, veth, target, Client);
        }
    }

    private readonly RemovedVethPeers _removedPeers = new();
}
