using IpipTools.Core.DesiredState;
using IpipTools.Core.Errors;
using IpipTools.Core.Model;
using IpipTools.Core.Namespaces;
using IpipTools.Core.Rtnl;
using IpipTools.Core.Rtnl.Kinds;
using IpipTools.Core.Rtnl.Links;

namespace IpipTools.Core.Commands;

/// <summary>The link cmdlets' operations: Get-NetLink and the veth pair family (New/Get/Remove-VethPair).</summary>
public static class LinkCommands
{
    /// <summary>Every link (like <c>ip link</c>), optionally by name or wildcard and by kind.</summary>
    public static IReadOnlyList<NetworkLink> Get(NetNamespace target, string? name = null, string? kind = null)
    {
        var pattern = NamePattern.Of(name);
        using var client = RtnetlinkClient.Open(target);
        if (pattern.IsExact)
        {
            var link = client.Links.Get(pattern.Text!);
            return kind is null || link.Kind == kind ? new[] { link } : throw NotOfKind(link, kind);
        }

        return client.Links.List().Where(l => pattern.Matches(l.Name) && (kind is null || l.Kind == kind)).ToList();
    }

    /// <summary>
    /// The veth ends (<c>ip link show type veth</c>), each with its peer's name and namespace
    /// in <see cref="NetworkLink.KindParameters"/>. The kernel reports a peer only by index
    /// (IFLA_LINK), in another namespace by that namespace's id (IFLA_LINK_NETNSID); the id is
    /// matched to a named namespace, whose link of that index is the peer. A peer in an
    /// unnamed namespace stays unknown (null).
    /// </summary>
    public static IReadOnlyList<NetworkLink> GetVeth(NetNamespace target, string? name = null)
    {
        var ends = Get(target, name, "veth");
        if (ends.Count == 0)
        {
            return ends;
        }

        using var client = RtnetlinkClient.Open(target);
        var here = client.Links.List().ToDictionary(l => l.Index, l => l.Name);
        var elsewhere = new Dictionary<int, NetNamespace?>();
        return ends.Select(end =>
        {
            var (peerName, peerNamespace) = end.ParentNamespaceId is int id
                ? PeerElsewhere(end.ParentIndex, elsewhere.TryGetValue(id, out var known) ? known : elsewhere[id] = NamespaceIds.Find(client, id))
                : (here.GetValueOrDefault(end.ParentIndex), target);
            return end with { KindParameters = new VethParameters(peerName, peerNamespace) };
        }).ToList();
    }

    private static (string? Name, NetNamespace? Namespace) PeerElsewhere(int index, NetNamespace? peerNamespace)
    {
        if (peerNamespace is null)
        {
            return (null, null);
        }

        using var peerClient = RtnetlinkClient.Open(peerNamespace);
        return (peerClient.Links.List().FirstOrDefault(l => l.Index == index)?.Name, peerNamespace);
    }

    /// <summary>What New-VethPair would do; refuses what <see cref="NewVeth"/> refuses, so -WhatIf answers bad input as the real run does.</summary>
    public static ChangeDescription DescribeNewVeth(NetNamespace target, string name, string peerName, string? peerNamespace, int? mtu = null, int? peerMtu = null)
    {
        CheckVethRequest(target, name, peerName, peerNamespace, mtu, peerMtu);
        var mtus = (mtu, peerMtu) switch
        {
            (null, null) => string.Empty,
            _ => $", MTU {mtu?.ToString() ?? "1500 (kernel default)"} <-> {peerMtu?.ToString() ?? "1500 (kernel default)"}",
        };
        return new($"veth pair '{name}' {ChangeDescription.Where(target)}",
            $"Create veth pair {name} <-> {peerName}{(peerNamespace is null ? string.Empty : $" (peer in namespace '{peerNamespace}')")}{mtus}");
    }

    /// <summary>
    /// Creates a veth pair with its peer placed straight into <paramref name="peerNamespace"/>
    /// (or beside it). With <paramref name="up"/> both ends come up; the kernel would
    /// leave the peer down. <paramref name="mtu"/> is the local end's and
    /// <paramref name="peerMtu"/> the peer's, each null for the kernel's 1500, as with
    /// <c>ip link add NAME mtu M type veth peer name PEER mtu P</c>. Both ends carry IpipTools'
    /// mark (<see cref="Ownership.LinkAlias"/>), like everything IpipTools creates. Returns the local end.
    /// </summary>
    public static NetworkLink NewVeth(NetNamespace target, string name, string peerName, string? peerNamespace = null, bool up = false, int? mtu = null, int? peerMtu = null)
    {
        var peerTarget = CheckVethRequest(target, name, peerName, peerNamespace, mtu, peerMtu);
        using var client = RtnetlinkClient.Open(target);
        var parameters = new VethParameters(peerName, peerTarget.Equals(target) ? null : peerTarget) { PeerMtu = peerMtu };
        var link = client.Links.Add(new LinkSpec(name, parameters) { Up = up, Mtu = mtu, Alias = Ownership.LinkAlias });
        try
        {
            using var peerClient = RtnetlinkClient.Open(peerTarget);
            peerClient.Links.SetAlias(peerName, Ownership.LinkAlias);
            if (up)
            {
                peerClient.Links.SetUp(peerName, true);
            }

            // Read back inside the undo's reach: an error must not leave the pair behind.
            return client.Links.Get(link.Name);
        }
        catch
        {
            client.Links.TryDelete(name);
            throw;
        }
    }

    /// <summary>
    /// Refuses before the kernel is asked what it would refuse without saying why: an MTU out
    /// of veth's range (EINVAL, no extended ack) and two ends of one name in one namespace
    /// (EEXIST, as if the name were taken). Returns the namespace the peer goes to.
    /// </summary>
    private static NetNamespace CheckVethRequest(NetNamespace target, string name, string peerName, string? peerNamespace, int? mtu, int? peerMtu)
    {
        if (mtu is int local)
        {
            LinkMtu.Validate(local, "-Mtu");
        }

        if (peerMtu is int peer)
        {
            LinkMtu.Validate(peer, "-PeerMtu");
        }

        var peerTarget = peerNamespace is null ? target : NetNamespace.Parse(peerNamespace);
        if (name == peerName && peerTarget.Equals(target))
        {
            throw new IpipToolsException(
                $"-Name and -PeerName are both '{name}', and both ends would be {ChangeDescription.Where(target)}: the two ends of a veth pair are two links, and a namespace holds one link of a name.",
                "VethEndNamesEqual", IpipErrorCategory.InvalidArgument,
                "Give -PeerName another name, or put the peer in another namespace with -PeerNamespace.", name);
        }

        return peerTarget;
    }

    public static ChangeDescription DescribeRemoveVeth(NetNamespace target, string name) =>
        new($"veth '{name}' {ChangeDescription.Where(target)}", "Remove veth pair (both ends)");

    /// <summary>Deletes a veth; the kernel deletes its peer with it, wherever that is.</summary>
    public static void RemoveVeth(NetNamespace target, string name)
    {
        using var client = RtnetlinkClient.Open(target);
        var link = client.Links.Get(name);
        if (link.Kind != "veth")
        {
            throw NotOfKind(link, "veth");
        }

        client.Links.Delete(name);
    }

    private static IpipToolsException NotOfKind(NetworkLink link, string kind) => new(
        $"Link '{link.Name}' is {Wording.WithArticle(link.Kind ?? "device without a kind")}, not {Wording.WithArticle(kind)}.",
        "LinkKindMismatch", IpipErrorCategory.InvalidArgument, $"Give the name of {Wording.WithArticle(kind)} link (Get-NetLink lists them with their kinds).", link.Name);
}
