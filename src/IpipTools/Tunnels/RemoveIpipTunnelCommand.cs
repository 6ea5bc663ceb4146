using System.Management.Automation;

namespace IpipTools.Tunnels;

/// <summary>Remove-IpTunnel by its ipip name (see <see cref="TunnelRemovalCmdlet"/>): removes a tunnel of any mode.</summary>
[Cmdlet(VerbsCommon.Remove, "IpipTunnel", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveIpipTunnelCommand : TunnelRemovalCmdlet
{
}
