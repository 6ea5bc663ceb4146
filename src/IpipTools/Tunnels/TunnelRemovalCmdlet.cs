using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;
using IpipTools.Links;

namespace IpipTools.Tunnels;

/// <summary>
/// <c>ip tunnel del NAME</c>: the one implementation of Remove-IpTunnel and Remove-IpipTunnel.
/// A fallback device (tunl0, gre0, sit0, ip_vti0) cannot be removed, and saying so is an error.
/// </summary>
public abstract class TunnelRemovalCmdlet : PipedLinkCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [ArgumentCompleter(typeof(RemovableTunnelNameCompleter))]
    public string Name { get; set; } = string.Empty;

    protected override void ProcessItem()
    {
        RequireGiven(nameof(Name), "tunnel");
        var name = LinkName(Name);
        var target = Target;
        // Read before -WhatIf speaks (the removal needs it anyway), so that it is refused as the real run is.
        var client = Client(target);
        var tunnel = client.Tunnels.Removable(name);
        if (ShouldProcess($"tunnel '{name}' {target.Describe()}", "Remove tunnel"))
        {
            client.Links.Delete(tunnel.Link);
        }
    }
}
