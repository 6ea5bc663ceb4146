using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Commands;
using IpipTools.Core.Model;
using IpipTools.Infrastructure;

namespace IpipTools.Links;

/// <summary><c>ip link add NAME type veth peer name PEER netns PEERNS</c>; writes the local end.</summary>
[Cmdlet(VerbsCommon.New, "VethPair", SupportsShouldProcess = true)]
[OutputType(typeof(NetworkLink))]
public sealed class NewVethPairCommand : NamespacedCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string Name { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1)]
    public string PeerName { get; set; } = string.Empty;

    /// <summary>
    /// Where the peer goes (a name or path); default: beside the local end. $null or '' is
    /// refused: '' would otherwise put the peer in the caller's namespace, the host's.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? PeerNamespace { get; set; }

    /// <summary>Bring both ends up.</summary>
    [Parameter]
    public SwitchParameter Up { get; set; }

    /// <summary>The local end's MTU; the peer keeps the kernel's 1500 unless -PeerMtu is given, as with ip link add.</summary>
    [Parameter]
    public int? Mtu { get; set; }

    /// <summary>The peer's MTU (ip link add ... peer name PEER mtu N).</summary>
    [Parameter]
    public int? PeerMtu { get; set; }

    protected override void ProcessItem()
    {
        if (Approve(LinkCommands.DescribeNewVeth(Target, Name, PeerName, PeerNamespace, Mtu, PeerMtu)))
        {
            WriteObject(LinkCommands.NewVeth(Target, Name, PeerName, PeerNamespace, Up.IsPresent, Mtu, PeerMtu));
        }
    }
}
