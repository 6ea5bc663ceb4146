using System.Management.Automation;
using IpipTools.Core.Commands;
using IpipTools.Infrastructure;

namespace IpipTools.Forwarding;

/// <summary><c>sysctl -w net.ipv4.ip_forward=0</c> in a namespace.</summary>
[Cmdlet(VerbsLifecycle.Disable, "IpForwarding", SupportsShouldProcess = true)]
[OutputType(typeof(ForwardingState))]
public sealed class DisableIpForwardingCommand : NamespacedCmdlet
{
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem()
    {
        if (Approve(ForwardingCommands.DescribeSet(Target, false)))
        {
            WritePassThru(PassThru, ForwardingCommands.Set(Target, false));
        }
    }
}
