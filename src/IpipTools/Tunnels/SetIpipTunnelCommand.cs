using System.Management.Automation;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.Tunnels;

/// <summary>
/// Set-IpTunnel's ipip form (see <see cref="TunnelChangeCmdlet"/>): the settings every tunnel
/// has, on ipip tunnels; a tunnel of another kind is refused in words that point to Set-IpTunnel.
/// </summary>
[Cmdlet(VerbsCommon.Set, "IpipTunnel", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(IpTunnel))]
public sealed class SetIpipTunnelCommand : TunnelChangeCmdlet
{
    protected override IpTunnel Modify(TunnelOperations tunnels, IpTunnel current, TunnelSettings settings) =>
        tunnels.Modify<IpipParameters>(current, parameters => (IpipParameters)settings.ApplyTo(parameters, current.Name));
}
