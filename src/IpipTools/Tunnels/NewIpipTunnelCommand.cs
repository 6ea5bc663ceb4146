using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Commands;
using IpipTools.Core.Model;
using IpipTools.Infrastructure;

namespace IpipTools.Tunnels;

/// <summary><c>ip tunnel add NAME mode ipip remote R local L ...</c>: creates an ipip tunnel and writes it.</summary>
[Cmdlet(VerbsCommon.New, "IpipTunnel", SupportsShouldProcess = true)]
[OutputType(typeof(IpTunnel))]
public sealed class NewIpipTunnelCommand : TunnelSettingsCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Name { get; set; } = string.Empty;

    [Parameter]
    [ArgumentCompleter(typeof(InterfaceNameCompleter))]
    public string? UnderlayDevice { get; set; }

    protected override void ProcessItem()
    {
        var request = new NewTunnelRequest(Name)
        {
            Remote = Remote,
            Local = Local,
            Ttl = Ttl,
            Tos = Tos,
            PathMtuDiscovery = PathMtuDiscovery,
            UnderlayDevice = UnderlayDevice,
            Mtu = Mtu,
            Up = Up.IsPresent,
        };
        if (Approve(TunnelCommands.DescribeNew(Target, request)))
        {
            WriteObject(TunnelCommands.New(Target, request));
        }
    }
}
