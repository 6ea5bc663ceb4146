using System.Management.Automation;
using System.Net;
using IpipTools.Completers;
using IpipTools.Core.Rtnl.Tunnels;
using IpipTools.Infrastructure;

namespace IpipTools.Tunnels;

/// <summary>
/// <c>ip tunnel add NAME mode ipip|gre|sit|isatap|vti ...</c> with each mode's own settings:
/// gre's keys, sequence numbers and checksums, vti's keys, sit's 6rd prefixes. A setting of
/// another mode than the one given is refused, naming the parameter (<see cref="TunnelSettings"/>).
/// The mode settings are the ones Set-IpTunnel takes too (<see cref="ITunnelModeParameters"/>).
/// </summary>
[Cmdlet(VerbsCommon.New, "IpTunnel", SupportsShouldProcess = true)]
[OutputType(typeof(IpTunnel))]
public sealed class NewIpTunnelCommand : TunnelCreationCmdlet, ITunnelModeParameters
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(TunnelModeCompleter))]
    public string Mode { get; set; } = string.Empty;

    /// <inheritdoc cref="ITunnelModeParameters.Key"/>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public uint? Key { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public uint? InputKey { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public uint? OutputKey { get; set; }

    [Parameter]
    public SwitchParameter InputSequence { get; set; }

    [Parameter]
    public SwitchParameter OutputSequence { get; set; }

    [Parameter]
    public SwitchParameter InputChecksum { get; set; }

    [Parameter]
    public SwitchParameter OutputChecksum { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [StrictPrefix]
    public IPNetwork? SixRdPrefix { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [StrictPrefix]
    public IPNetwork? SixRdRelayPrefix { get; set; }

    protected override string TunnelMode() => Mode;

    protected override TunnelSettings ModeSettings() => ((ITunnelModeParameters)this).Settings(SwitchIfGiven);
}
