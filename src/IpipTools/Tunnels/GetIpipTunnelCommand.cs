using System.Management.Automation;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Tunnels;

namespace IpipTools.Tunnels;

/// <summary>Get-IpTunnel's ipip form: lists ipip tunnels (see <see cref="TunnelQueryCmdlet"/>).</summary>
[Cmdlet(VerbsCommon.Get, "IpipTunnel")]
[OutputType(typeof(IpTunnel))]
public sealed class GetIpipTunnelCommand : TunnelQueryCmdlet
{
    protected override IReadOnlyCollection<string>? ModesListed() => [LinkKindRegistry.KindOf<IpipParameters>()];
}
