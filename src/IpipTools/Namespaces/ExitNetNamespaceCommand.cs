using System.Management.Automation;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;
using NetNs = IpipTools.Core.Namespaces.NetNamespace;

namespace IpipTools.Namespaces;

/// <summary>
/// Leaves the namespace Enter-NetNamespace entered last. Typed inside an entered namespace, it
/// does what <c>exit</c> does there: the host pops the session and the prompt is back
/// outside. In a script that entered, it pops the IpipTools default (and the shell that
/// entering pushed for the prompt). -PassThru writes the default now in force.
/// </summary>
[Cmdlet(VerbsCommon.Exit, "NetNamespace")]
[OutputType(typeof(NetNs))]
public sealed class ExitNetNamespaceCommand : IpipCmdlet
{
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem()
    {
        if (NamespaceShell.EnteredHere is not null && InteractiveSession.IsServer(Host))
        {
            // The server end of an entered namespace: exit's way out, which the client's host
            // turns into popping this session (as for Enter-PSSession).
            WritePassThru(PassThru, NetNs.Caller);
            Host.SetShouldExit(0);
            return;
        }

        var session = NamespaceSession.For(Session);
        var now = session.Exit();
        if (InteractiveSession.PushedShell(Host) is { } shell && session.Depth < shell.EnteredAtDepth)
        {
            // The entry that pushed the shell is gone: so is the shell.
            InteractiveSession.Pop(Host);
        }

        WritePassThru(PassThru, now);
    }
}
