using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;
using NetNs = IpipTools.Core.Namespaces.NetNamespace;

namespace IpipTools.Namespaces;

/// <summary>
/// Makes a namespace the session's default for every IpipTools cmdlet (a stack:
/// Exit-NetNamespace returns to the previous one). Unlike <c>ip netns exec</c> it
/// moves no thread: it only changes what -NetNamespace means when left out.
/// </summary>
[Cmdlet(VerbsCommon.Enter, "NetNamespace")]
[OutputType(typeof(NetNs))]
public sealed class EnterNetNamespaceCommand : IpipCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("NetNamespace")]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string Name { get; set; } = string.Empty;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem() => WritePassThru(PassThru, NamespaceSession.For(Session).Enter(Name));
}
