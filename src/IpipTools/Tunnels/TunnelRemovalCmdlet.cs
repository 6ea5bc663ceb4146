using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Namespaces;
using IpipTools.Infrastructure;

namespace IpipTools.Tunnels;

/// <summary>
/// <c>ip tunnel del NAME</c>: the one implementation of Remove-IpTunnel and Remove-IpipTunnel.
/// A fallback device (tunl0, gre0, sit0, ip_vti0) cannot be removed, and saying so is an error.
/// </summary>
public abstract class TunnelRemovalCmdlet : PipedNamespaceCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceSet)]
    [ArgumentCompleter(typeof(RemovableTunnelNameCompleter))]
    public string Name { get; set; } = string.Empty;

    protected override void ProcessItem()
    {
        RequireGiven(nameof(Name), "tunnel");
        var target = Target;
        if (ShouldProcess($"tunnel '{Name}' {target.Describe()}", "Remove tunnel"))
        {
            Client(target).Tunnels.Delete(Name);
        }
    }
}
