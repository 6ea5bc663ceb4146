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

    protected override void ProcessItem()
    {
        var target = Target;
        if (ShouldProcess($"{Ipv4Forwarding.Key} {target.Describe()}", "Set to 1"))
        {
            Ipv4Forwarding.Set(target, true);
            WritePassThru(PassThru, Ipv4Forwarding.Read(target));
        }
    }
}
