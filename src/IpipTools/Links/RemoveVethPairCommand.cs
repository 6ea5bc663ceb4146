using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;

namespace IpipTools.Links;

/// <summary><c>ip link del NAME</c> for a veth: the kernel removes its peer too, wherever it is.</summary>
[Cmdlet(VerbsCommon.Remove, "VethPair", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveVethPairCommand : PipedNamespaceCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [ArgumentCompleter(typeof(VethNameCompleter))]
    public string Name { get; set; } = string.Empty;

    protected override void ProcessItem()
    {
        RequireGiven(nameof(Name), "veth pair");
        var target = Target;
        if (ShouldProcess($"veth '{Name}' {target.Describe()}", "Remove veth pair (both ends)"))
        {
            var links = Client(target).Links;
            links.Delete(links.Get(Name).RequireKind(GetVethPairCommand.VethKind));
        }
    }
}
