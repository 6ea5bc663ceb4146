using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Commands;
using IpipTools.Core.Model;
using IpipTools.Infrastructure;
using NetNs = IpipTools.Core.Namespaces.NetNamespace;

namespace IpipTools.Tunnels;

/// <summary><c>ip tunnel change</c> and <c>ip link set NAME up|down|mtu N</c> on an ipip tunnel.</summary>
[Cmdlet(VerbsCommon.Set, "IpipTunnel", DefaultParameterSetName = PipedNamespaceCmdlet.PipelineChoosesSet, SupportsShouldProcess = true)]
[OutputType(typeof(IpTunnel))]
public sealed class SetIpipTunnelCommand : TunnelSettingsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = PipedNamespaceCmdlet.ByPropertySet)]
    [Parameter(Position = 0, ParameterSetName = PipedNamespaceCmdlet.PipedNamespaceSet)]
    [ArgumentCompleter(typeof(TunnelNameCompleter))]
    public string Name { get; set; } = string.Empty;

    [Parameter]
    public SwitchParameter Down { get; set; }

    /// <summary>
    /// What <see cref="PipedNamespaceCmdlet.PipedNamespace"/> is, declared here because this
    /// cmdlet shares its base with New-IpipTunnel, which takes no name from the pipeline: a
    /// piped namespace object selects the set where -Name does not bind from it.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipedNamespaceCmdlet.PipedNamespaceSet, DontShow = true)]
    [NamespaceObjectOnly]
    public NetNs? PipedNamespace { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessItem()
    {
        PipedNamespaceCmdlet.RequireGiven(this, PipedNamespace, nameof(Name), "tunnel");
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
