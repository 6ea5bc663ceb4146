using System.Management.Automation;
using System.Net;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Infrastructure;

namespace IpipTools.Tunnels;

/// <summary>
/// <c>ip tunnel change</c> on a tunnel of any mode, with each mode's own settings (gre's keys,
/// sequence numbers and checksums, vti's keys, sit's 6rd prefixes); a setting the tunnel's mode
/// lacks is refused, naming the parameter (<see cref="TunnelSettings"/>); the mode settings are
/// New-IpTunnel's too (<see cref="ITunnelModeParameters"/>). The work is
/// <see cref="TunnelChangeCmdlet"/>'s.
/// </summary>
[Cmdlet(VerbsCommon.Set, "IpTunnel", DefaultParameterSetName = PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(IpTunnel))]
public sealed class SetIpTunnelCommand : TunnelChangeCmdlet, ITunnelModeParameters
{
    /// <inheritdoc cref="ITunnelModeParameters.Key"/>
    [Parameter]
    public uint? Key { get; set; }

    [Parameter]
    public uint? InputKey { get; set; }

    [Parameter]
    public uint? OutputKey { get; set; }

    [Parameter]
    public SwitchParameter InputSequence { get; set; }

    [Parameter]
    public SwitchParameter OutputSequence { get; set; }

    [Parameter]
    public SwitchParameter InputChecksum { get; set; }

    [Parameter]
    public SwitchParameter OutputChecksum { get; set; }

    [Parameter]
    [StrictPrefix]
    public IPNetwork? SixRdPrefix { get; set; }

    [Parameter]
    [StrictPrefix]
    public IPNetwork? SixRdRelayPrefix { get; set; }

    protected override TunnelSettings ModeSettings() => ((ITunnelModeParameters)this).Settings(SwitchIfGiven);

    protected override IpTunnel Modify(TunnelOperations tunnels, IpTunnel current, TunnelSettings settings) =>
        tunnels.Modify<Ipv4TunnelParameters>(current, parameters => settings.ApplyTo(parameters, current.Name));
}
