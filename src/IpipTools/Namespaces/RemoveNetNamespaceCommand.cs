using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Commands;
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

    protected override void ProcessItem()
    {
        if (Approve(NamespaceCommands.DescribeRemove(Name)))
        {
            NamespaceCommands.Remove(Name);
        }
    }
}
