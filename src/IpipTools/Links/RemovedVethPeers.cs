using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;
using NetNs = IpipTools.Core.Namespaces.NetNamespace;

namespace IpipTools.Links;

/// <summary>
/// The veth ends a removing pipeline took away with their peers (namespace, name). The kernel
/// deletes a veth's peer with it, so when that peer comes down the pipeline next
/// (<c>Get-VethPair | Remove-VethPair</c> and <c>Get-NetLink v* | Remove-NetLink</c> list both
/// ends), it is already gone as asked, which is not an error.
/// </summary>
internal sealed class RemovedVethPeers
{
    private readonly HashSet<(NetNs, string)> _gone = new();

    /// <summary>Whether <paramref name="name"/> is missing in <paramref name="target"/> because it went with a peer this pipeline removed.</summary>
    public bool WentWithPeer(NetNs target, string name, LinkOperations links) => _gone.Contains((target, name)) && links.Find(name) is null;

    /// <summary>Deletes <paramref name="link"/>, remembering its veth peer, which the kernel deletes with it.</summary>
    public void Delete(LinkOperations links, Link link, NetNs target, Func<NetNs, RtnetlinkClient> clientFor)
    {
        var peer = link.KindParameters is VethParameters ? links.WithVethPeers(new[] { link }, clientFor)[0].KindParameters as VethParameters : null;
        links.Delete(link);
        if (peer is { PeerName: string peerName })
        {
            _gone.Add((peer.PeerNamespace ?? target, peerName));
        }
    }
}
