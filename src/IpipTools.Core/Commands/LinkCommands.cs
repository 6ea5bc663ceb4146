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

    public static IReadOnlyList<NetworkLink> GetVeth(NetNamespace target, string? name = null) => Get(target, name, "veth");

    public static ChangeDescription DescribeNewVeth(NetNamespace target, string name, string peerName, string? peerNamespace) =>
        new($"veth pair '{name}' {ChangeDescription.Where(target)}",
            $"Create veth pair {name} <-> {peerName}{(peerNamespace is null ? string.Empty : $" (peer in namespace '{peerNamespace}')")}");

    /// <summary>
    /// Creates a veth pair with its peer placed straight into <paramref name="peerNamespace"/>
    /// (or beside it). With <paramref name="up"/> both ends come up; the kernel would
    /// leave the peer down. Both ends carry IpipTools' mark (<see cref="Ownership.LinkAlias"/>),
    /// like everything IpipTools creates. Returns the local end.
    /// </summary>
    public static NetworkLink NewVeth(NetNamespace target, string name, string peerName, string? peerNamespace = null, bool up = false, int? mtu = null)
    {
        var peerTarget = peerNamespace is null ? target : NetNamespace.Parse(peerNamespace);
        using var client = RtnetlinkClient.Open(target);
        var parameters = new VethParameters(peerName, peerTarget.Equals(target) ? null : peerTarget);
        var link = client.Links.Add(new LinkSpec(name, parameters) { Up = up, Mtu = mtu, Alias = Ownership.LinkAlias });
        try
        {
            using var peerClient = RtnetlinkClient.Open(peerTarget);
            peerClient.Links.SetAlias(peerName, Ownership.LinkAlias);
            if (up)
            {
                peerClient.Links.SetUp(peerName, true);
            }
        }
        catch
        {
            client.Links.TryDelete(name);
            throw;
        }

        return client.Links.Get(link.Name);
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
