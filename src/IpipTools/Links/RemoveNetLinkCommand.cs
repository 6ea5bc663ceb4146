using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Infrastructure;
using NetNs = IpipTools.Core.Namespaces.NetNamespace;

namespace IpipTools.Links;

/// <summary>
/// <c>ip link del NAME</c> for any link the kernel lets go: a bridge (its ports are freed and
/// stay), a veth (its peer goes too, wherever it is), a tunnel, a dummy. Loopback and physical
/// devices are refused by the kernel, with a plain-words error.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "NetLink", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveNetLinkCommand : PipedLinkCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string Name { get; set; } = string.Empty;

    private readonly RemovedVethPeers _removedPeers = new();

    protected override void ProcessItem()
    {
        RequireGiven(nameof(Name), "link");
        var name = LinkName(Name);
        var target = Target;
        var links = Client(target).Links;
        if (_removedPeers.WentWithPeer(target, name, links))
        {
            WriteVerbose($"Link '{name}' {target.Describe()} went with its veth peer.");
            return;
        }

        var link = links.Get(name);
        var what = link.KindParameters switch
        {
            VethParameters => "Remove veth link (its peer goes too)",
            BridgeParameters => "Remove bridge (its ports are detached, not removed)",
            null => "Remove link",
            var parameters => $"Remove {parameters.Kind} link",
        };
        if (ShouldProcess($"link '{name}' {target.Describe()}", what))
        {
            _removedPeers.Delete(links, link, target, Client);
        }
    }
}
