using System.Management.Automation;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;

namespace IpipTools.Forwarding;

/// <summary><c>sysctl net.ipv4.ip_forward</c> in a namespace.</summary>
[Cmdlet(VerbsCommon.Get, "IpForwarding")]
[OutputType(typeof(ForwardingState))]
public sealed class GetIpForwardingCommand : NamespacedCmdlet
{
    protected override void ProcessItem() => WriteObject(Ipv4Forwarding.Read(Target));
}
