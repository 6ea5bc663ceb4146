using System.Management.Automation;

namespace IpipTools.Tunnels;

/// <summary><c>ip tunnel del NAME</c> for a tunnel of any mode (see <see cref="TunnelRemovalCmdlet"/>).</summary>
[Cmdlet(VerbsCommon.Remove, "IpTunnel", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveIpTunnelCommand : TunnelRemovalCmdlet
{
}
