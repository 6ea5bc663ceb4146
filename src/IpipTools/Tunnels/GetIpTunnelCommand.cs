using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.Tunnels;

/// <summary>
/// <c>ip tunnel show</c> for every mode (ipip, gre, sit, isatap, vti), or the modes given with
/// -Mode (see <see cref="TunnelQueryCmdlet"/>).
/// </summary>
[Cmdlet(VerbsCommon.Get, "IpTunnel")]
[OutputType(typeof(IpTunnel))]
public sealed class GetIpTunnelCommand : TunnelQueryCmdlet
{
    [Parameter]
    [ArgumentCompleter(typeof(TunnelModeCompleter))]
    public string[]? Mode { get; set; }

    protected override IReadOnlyCollection<string>? ModesListed() => Mode?.Select(TunnelModes.Require).ToList();
}
