using System.Management.Automation;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.Tunnels;

/// <summary>
/// <c>ip tunnel add NAME mode ipip ...</c>: New-IpTunnel's ipip form, with the settings every
/// tunnel has (see <see cref="TunnelCreationCmdlet"/>, which does the work for both).
/// </summary>
[Cmdlet(VerbsCommon.New, "IpipTunnel", SupportsShouldProcess = true)]
[OutputType(typeof(IpTunnel))]
public sealed class NewIpipTunnelCommand : TunnelCreationCmdlet
{
    protected override string TunnelMode() => LinkKindRegistry.KindOf<IpipParameters>();
}
