using System.Management.Automation;
using IpipTools.Completers;
using IpipTools.Core.Errors;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using IpipTools.Infrastructure;
using IpipTools.Core.DesiredState.Topologies;
using NetNs = IpipTools.Core.Namespaces.NetNamespace;

namespace IpipTools.Links;

/// <summary>
/// <c>ip link add NAME [mtu M] type veth peer name PEER [mtu P] netns PEERNS</c>; writes the
/// local end. With -Up both ends come up (the kernel would leave the peer down). Both ends
/// carry IpipTools' mark (<see cref="Ownership.LinkAlias"/>), like everything IpipTools creates.
/// </summary>
[Cmdlet(VerbsCommon.New, "VethPair", SupportsShouldProcess = true)]
[OutputType(typeof(Link))]
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
        // Checked before -WhatIf answers, so that it refuses bad input as the real run does.
        var target = Target;
        var peerTarget = CheckRequest(target);
        var mtus = (Mtu, PeerMtu) switch
        {
            (null, null) => string.Empty,
            _ => $", MTU {Mtu?.ToString() ?? "1500 (kernel default)"} <-> {PeerMtu?.ToString() ?? "1500 (kernel default)"}",
        };
        var link = Link.Of(Name, new VethParameters(PeerName, peerTarget.Equals(target) ? null : peerTarget) { PeerMtu = PeerMtu, PeerIsUp = Up.IsPresent, PeerAlias = Ownership.LinkAlias })
            with { Mtu = Mtu, IsUp = Up.IsPresent, Alias = Ownership.LinkAlias };
        if (ApprovalAsked)
        {
            // A name taken (either end's) is refused as the kernel's answer would be, before -WhatIf speaks.
            Client(target).Links.CheckNamesFree(link);
        }

        if (!ShouldProcess($"veth pair '{Name}' {target.Describe()}",
            $"Create veth pair {Name} <-> {PeerName}{(PeerNamespace is null ? string.Empty : $" (peer in namespace '{PeerNamespace}')")}{mtus}"))
        {
            return;
        }

        _asked[(link.Name, target)] = (PeerName, peerTarget);
        _creations ??= EndsWithPipeline(new PipelineLinkCreations(this, Client, Shown));
        _creations.Queue(target, link);
    }

    /// <summary>The pairs still queued are created here, at the end of the pipeline.</summary>
    protected override void EndProcessing() => _creations?.SendAll();

    private PipelineLinkCreations? _creations;

    /// <summary>Where each queued pair's peer was asked to go, by the local end's name and namespace: the kernel reports the peer by index only.</summary>
    private readonly Dictionary<(string Name, NetNs Namespace), (string Peer, NetNs PeerNamespace)> _asked = new();

    /// <summary>
    /// A made end as the veth cmdlets write it (<see cref="VethEndView"/>): with its peer's name,
    /// namespace and index, and its master's name, as Get-VethPair reads them.
    /// </summary>
    private object Shown(Link made, Func<int, string?> nameOf)
    {
        var target = made.Namespace is null ? NetNs.Caller : NetNs.Parse(made.Namespace);
        var (peer, peerNamespace) = _asked[(made.Name, target)];
        var veth = made.KindParameters as VethParameters ?? new VethParameters(null, null);
        return VethEndView.Of(made with
        {
            Master = made.MasterIndex == 0 ? null : nameOf(made.MasterIndex),
            KindParameters = veth with { PeerName = peer, PeerNamespace = peerNamespace, PeerIndex = made.LinkedIndex },
        });
    }

    /// <summary>
    /// Refuses before the kernel is asked what it would refuse without saying why: an MTU out
    /// of veth's range (EINVAL, no extended ack) and two ends of one name in one namespace
    /// (EEXIST, as if the name were taken). Returns the namespace the peer goes to.
    /// </summary>
    private NetNamespace CheckRequest(NetNamespace target)
    {
        if (Mtu is int local)
        {
            LinkMtu.Validate(local, "-Mtu");
        }

        if (PeerMtu is int peer)
        {
            LinkMtu.Validate(peer, "-PeerMtu");
        }

        var peerTarget = PeerNamespace is null ? target : Core.Namespaces.NetNamespace.Parse(PeerNamespace);
        if (Name == PeerName && peerTarget.Equals(target))
        {
            throw new IpipToolsException(
                $"-Name and -PeerName are both '{Name}', and both ends would be {target.Describe()}: the two ends of a veth pair are two links, and a namespace holds one link of a name.",
                "VethEndNamesEqual", IpipErrorCategory.InvalidArgument,
                "Give -PeerName another name, or put the peer in another namespace with -PeerNamespace.", Name);
        }

        return peerTarget;
    }
}
