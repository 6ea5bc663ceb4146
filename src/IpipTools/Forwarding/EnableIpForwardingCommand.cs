using System.Management.Automation;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;

namespace IpipTools.Forwarding;

/// <summary><c>sysctl -w net.ipv4.ip_forward=1</c> in a namespace: it routes between its interfaces.</summary>
[Cmdlet(VerbsLifecycle.Enable, "IpForwarding", SupportsShouldProcess = true)]
[OutputType(typeof(ForwardingState))]
public sealed class EnableIpForwardingCommand : NamespacedCmdlet
{
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The piped object as it came, so that only what names a namespace is taken (<see cref="PipedObjectGuard"/>).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputItem { get; set; }

    protected override PSObject? PipedObject => InputItem;

    protected override ModuleObjects? PipedObjectsActedOn => ModuleObjects.Namespace | ModuleObjects.Fixture | ModuleObjects.Forwarding;

    protected override void ProcessItem()
    {
        PipedObjectGuard.RequireNamespaceNamed(InputItem, MyInvocation.MyCommand.Name);
        var target = Target;
        if (ShouldProcess($"{Ipv4Forwarding.Key} {target.Describe()}", "Set to 1"))
        {
            Ipv4Forwarding.Set(target, true);
            WritePassThru(PassThru, Ipv4Forwarding.Read(target));
        }
    }
}
