using System.Management.Automation;
using System.Net;

namespace IpipTools.Infrastructure;

/// <summary>The tunnel settings New-IpipTunnel and Set-IpipTunnel share (ip tunnel's remote, local, ttl, tos, pmtudisc, and the MTU).</summary>
public abstract class TunnelSettingsCmdlet : NamespacedCmdlet
{
    [Parameter]
    public IPAddress? Remote { get; set; }

    [Parameter]
    public IPAddress? Local { get; set; }

    [Parameter]
    public string? Ttl { get; set; }

    [Parameter]
    public string? Tos { get; set; }

    [Parameter]
    public bool? PathMtuDiscovery { get; set; }

    [Parameter]
    public int? Mtu { get; set; }

    [Parameter]
    public SwitchParameter Up { get; set; }
}
