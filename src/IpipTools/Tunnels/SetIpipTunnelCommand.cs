using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Commands;
using IpipTools.Core.Model;
using IpipTools.Infrastructure;

namespace IpipTools.Tunnels;

/// <summary><c>ip tunnel change</c> and <c>ip link set NAME up|down|mtu N</c> on an ipip tunnel.</summary>
[Cmdlet(VerbsCommon.Set, "IpipTunnel", SupportsShouldProcess = true)]
[OutputType(typeof(IpTunnel))]
public sealed class SetIpipTunnelCommand : TunnelSettingsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(TunnelNameCompleter))]
    public string Name { get; set; } = string.Empty;

    [Parameter]
    public SwitchParameter Down { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem()
    {
        var request = new SetTunnelRequest(Name)
        {
            Remote = Remote,
            Local = Local,
            Ttl = Ttl,
            Tos = Tos,
            PathMtuDiscovery = PathMtuDiscovery,
            Mtu = Mtu,
            Up = SetTunnelRequest.AdminState(Up.IsPresent, Down.IsPresent),
        };
        if (Approve(TunnelCommands.DescribeSet(Target, request)))
        {
            WritePassThru(PassThru, TunnelCommands.Set(Target, request));
        }
    }
}
