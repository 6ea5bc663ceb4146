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
/// </summary>
[Cmdlet(VerbsCommon.New, "IpTunnel", SupportsShouldProcess = true)]
[OutputType(typeof(IpTunnel))]
public sealed class NewIpTunnelCommand : TunnelCreationCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(TunnelModeCompleter))]
    public string Mode { get; set; } = string.Empty;

    /// <summary>ikey and okey at once, as iproute2's "key K".</summary>
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

    protected override TunnelSettings ModeSettings() => new()
    {
        InputKey = InputKey ?? Key,
        OutputKey = OutputKey ?? Key,
        InputSequence = SwitchIfGiven(nameof(InputSequence), InputSequence),
        OutputSequence = SwitchIfGiven(nameof(OutputSequence), OutputSequence),
        InputChecksum = SwitchIfGiven(nameof(InputChecksum), InputChecksum),
        OutputChecksum = SwitchIfGiven(nameof(OutputChecksum), OutputChecksum),
        SixRdPrefix = SixRdPrefix,
        SixRdRelayPrefix = SixRdRelayPrefix,
    };
}
