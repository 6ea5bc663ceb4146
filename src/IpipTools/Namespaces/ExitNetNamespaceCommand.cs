using System.Management.Automation;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;
using NetNs = IpipTools.Core.Namespaces.NetNamespace;

namespace IpipTools.Namespaces;

/// <summary>Leaves the namespace Enter-NetNamespace entered last; -PassThru writes the default now in force.</summary>
[Cmdlet(VerbsCommon.Exit, "NetNamespace")]
[OutputType(typeof(NetNs))]
public sealed class ExitNetNamespaceCommand : IpipCmdlet
{
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem() => WritePassThru(PassThru, NamespaceSession.For(Session).Exit());
}
