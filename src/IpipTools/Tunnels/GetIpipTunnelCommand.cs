using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Commands;
using IpipTools.Core.Model;
using IpipTools.Infrastructure;

namespace IpipTools.Tunnels;

/// <summary><c>ip tunnel show</c>: the ipip tunnels of a namespace, by name or wildcard.</summary>
[Cmdlet(VerbsCommon.Get, "IpipTunnel")]
[OutputType(typeof(IpTunnel))]
public sealed class GetIpipTunnelCommand : NamespacedCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(TunnelNameCompleter))]
    public string? Name { get; set; }

    /// <summary>List the fallback device tunl0 too when no name is given.</summary>
    [Parameter]
    public SwitchParameter IncludeFallback { get; set; }

    protected override void ProcessItem() => WriteEach(TunnelCommands.Get(Target, Name, IncludeFallback.IsPresent));
}
